import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';

const fields = ['sku', 'effective_from', 'currency', 'unit_cost', 'freight_per_unit', 'duty_rate', 'marketplace', 'store'] as const;
const required = new Set(['sku', 'effective_from', 'currency', 'unit_cost']);

/** Enter one cost, effective from a date (the same row a costs file writes; PUT /api/costs). */
export function CostEntryCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({ currency: 'CNY' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const input = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
      const { cost } = await api.setCost(input as Parameters<typeof api.setCost>[0]);
      setMessage({ ok: true, text: t('profit.costSaved', { sku: cost.sku, from: cost.effective_from, cost: cost.unit_cost, currency: cost.currency }) });
      await client.invalidateQueries({ queryKey: ['profit'] });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <section className="card" data-card="cost-entry">
      <h2>{t('profit.costEntry')}</h2>
      <form className="upload-options" onSubmit={(e) => void submit(e)}>
        {fields.map((f) => (
          <label key={f}>{t(`profit.cost.${f}`)}
            <input name={f} type={f === 'effective_from' ? 'date' : 'text'} required={required.has(f)} value={values[f] ?? ''}
              onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
          </label>
        ))}
        <button type="submit">{t('profit.costSave')}</button>
      </form>
      {message && <p className={message.ok ? 'muted' : 'error'}>{message.text}</p>}
    </section>
  );
}
