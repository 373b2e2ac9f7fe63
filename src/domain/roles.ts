/**
 * The roles of a seller's team that KPIs are given to (SPEC §5, seeds 001 / 004: 运营、广告、客服、仓储、店长),
 * with their names in Chinese and English and the other names a targets file may use.
 */
export const roles = ['operator', 'ads', 'customer_service', 'warehouse', 'manager'] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, { zh: string; en: string; also: readonly string[] }> = {
  operator: { zh: '运营', en: 'Operator', also: ['运营专员', '运营负责人', 'ops'] },
  ads: { zh: '广告', en: 'Ads specialist', also: ['广告专员', '广告优化', 'ppc', 'advertising'] },
  customer_service: { zh: '客服', en: 'Customer service', also: ['客服专员', 'cs', 'customer service', 'support'] },
  warehouse: { zh: '仓储', en: 'Warehouse / purchasing', also: ['仓库', '采购', '物流', 'purchasing', 'logistics'] },
  manager: { zh: '店长', en: 'Store manager', also: ['主管', '经理', '组长', 'lead', 'store manager'] },
};
