/**
 * Japanese consumption tax (issue 26): per store and marketplace, whether revenue is counted net of it, and the
 * product lines sold at the reduced (food) rate. No row: revenue counted as the reports write it (tax included).
 */
export const consumptionTaxSettings = `
CREATE TABLE consumption_tax_settings (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL,
  revenue_net BOOLEAN NOT NULL,
  standard_rate DECIMAL(6,4) NOT NULL, reduced_rate DECIMAL(6,4) NOT NULL,
  reduced_product_lines VARCHAR[] NOT NULL,
  updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  PRIMARY KEY (store, marketplace)
);
`;
