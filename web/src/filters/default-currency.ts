import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { useLang } from '../api/hooks.ts';
import { useSettings } from '../settings/settings.ts';

/**
 * The reporting currency a view uses when its link names none: the one chosen in Settings, or
 * (automatic) CNY for a Chinese reader when the FX table holds rates into CNY, else each
 * marketplace's own (''). Null while the FX table is still loading, so the first URL written is final.
 */
export function useDefaultCurrency(): string | null {
  const { currency } = useSettings();
  const lang = useLang();
  const auto = currency === 'auto' && lang === 'zh-CN';
  const fx = useQuery({ queryKey: ['fx'], queryFn: api.fxRates, enabled: auto });
  if (currency !== 'auto') return currency;
  if (!auto) return '';
  if (fx.isPending) return null;
  return (fx.data ?? []).some((r) => r.quote === 'CNY') ? 'CNY' : '';
}
