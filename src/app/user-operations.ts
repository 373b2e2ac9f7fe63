import { z } from 'zod';
import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import { userRoles } from '../domain/rights.ts';
import { listAudit } from '../store/audit-log.ts';
import type { Database } from '../store/database.ts';
import { createToken, listTokens, revokeToken } from '../store/sessions.ts';
import { addUser, findUser, listUsers, removeUser, resetPassword } from '../store/users.ts';

/**
 * Users, API tokens and the audit log in the operations table (issue 20): `asterism users|tokens|audit`, and
 * `/api/users`, `/api/tokens`, `/api/audit`. Who may run them is the rights table's business (domain/rights.ts).
 */
const many = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean));
const userInput = z.object({
  name: z.string().min(1), role: z.enum(userRoles), password: z.string(),
  stores: many.optional(), marketplaces: many.optional(), owner_scope: z.string().min(1).optional(), see_costs: z.boolean().optional(),
});
const nameInput = z.object({ name: z.string().min(1) });
const passwordInput = z.object({ name: z.string().min(1), password: z.string() });
const tokenInput = z.object({ user: z.string().min(1), expires_days: z.coerce.number().int().positive().optional() });
const tokenIdInput = z.object({ id: z.coerce.number().int().positive() });
const auditInput = z.object({ user: z.string().optional(), action: z.string().optional(), limit: z.coerce.number().int().positive().optional() });

async function known(db: Database, name: string): Promise<void> {
  if (!(await findUser(db, name))) throw new AsterismError('not_found', say('user_not_found', { name }));
}

export const userOperations = {
  users_list: {
    method: 'get', path: '/api/users', input: z.object({}), summary: 'users, their roles and scopes / 用户',
    run: async (db: Database) => ({ users: await listUsers(db) }),
  },
  users_add: {
    method: 'post', path: '/api/users', input: userInput, summary: 'add a user (owner only) / 添加用户',
    run: async (db: Database, i: z.infer<typeof userInput>) => ({
      user: await addUser(db, { name: i.name, role: i.role, password: i.password, stores: i.stores, marketplaces: i.marketplaces, ownerScope: i.owner_scope ?? null, seeCosts: i.see_costs ?? null }),
    }),
  },
  users_remove: {
    method: 'delete', path: '/api/users', input: nameInput, summary: 'remove a user, ending their sessions and tokens / 删除用户',
    run: async (db: Database, i: z.infer<typeof nameInput>) => {
      if (!(await removeUser(db, i.name))) throw new AsterismError('not_found', say('user_not_found', { name: i.name }));
      return { removed: i.name };
    },
  },
  users_reset_password: {
    method: 'post', path: '/api/users/password', input: passwordInput, summary: 'set a new password, ending the user\'s sessions and lock-out / 重置密码',
    run: async (db: Database, i: z.infer<typeof passwordInput>) => {
      if (!(await resetPassword(db, i.name, i.password))) throw new AsterismError('not_found', say('user_not_found', { name: i.name }));
      return { reset: i.name };
    },
  },
  tokens_create: {
    method: 'post', path: '/api/tokens', input: tokenInput, summary: 'an API token for a user, shown once / 创建 API 令牌（仅显示一次）',
    run: async (db: Database, i: z.infer<typeof tokenInput>) => {
      await known(db, i.user);
      return createToken(db, i.user, i.expires_days);
    },
  },
  tokens_list: {
    method: 'get', path: '/api/tokens', input: z.object({ user: z.string().optional() }), summary: 'API tokens (never their values) / API 令牌',
    run: async (db: Database, i: { user?: string | undefined }) => ({ tokens: await listTokens(db, i.user) }),
  },
  tokens_revoke: {
    method: 'delete', path: '/api/tokens', input: tokenIdInput, summary: 'revoke an API token / 吊销 API 令牌',
    run: async (db: Database, i: z.infer<typeof tokenIdInput>) => {
      if (!(await revokeToken(db, i.id))) throw new AsterismError('not_found', say('token_not_found', { id: i.id }));
      return { revoked: i.id };
    },
  },
  audit: {
    method: 'get', path: '/api/audit', input: auditInput, summary: 'the audit log: every change, who, when, from where / 操作日志',
    run: async (db: Database, i: z.infer<typeof auditInput>) => ({ entries: await listAudit(db, i) }),
  },
} as const;
