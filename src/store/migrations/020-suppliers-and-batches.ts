/**
 * Migration 20 (issue 22): purchasing master data. Suppliers; purchase-order lines (one row per PO × SKU, the
 * order's dates repeated on each line, as the seller's ERP exports them); batches (one production lot of a SKU,
 * tied to its PO and to the FBA shipment that carried it); lead times per supplier × SKU split into legs
 * (production, freight by mode, FBA inbound receiving) with MOQ and carton quantity. Quantities are units.
 */
export const suppliersAndBatches = `
CREATE TABLE suppliers (
  store VARCHAR NOT NULL, supplier VARCHAR NOT NULL, name VARCHAR, contact VARCHAR, country VARCHAR, currency VARCHAR,
  note VARCHAR, import_id BIGINT
);
CREATE TABLE purchase_orders (
  store VARCHAR NOT NULL, po_id VARCHAR NOT NULL, supplier VARCHAR, sku VARCHAR NOT NULL, marketplace VARCHAR,
  quantity BIGINT NOT NULL, received_quantity BIGINT, unit_cost DECIMAL(18,4), currency VARCHAR,
  ordered_date DATE NOT NULL, promised_date DATE, shipped_date DATE, received_date DATE, freight_mode VARCHAR,
  import_id BIGINT
);
CREATE TABLE batches (
  store VARCHAR NOT NULL, batch_id VARCHAR NOT NULL, sku VARCHAR NOT NULL, po_id VARCHAR, shipment_id VARCHAR,
  marketplace VARCHAR, units BIGINT NOT NULL, produced_date DATE, shipped_date DATE, received_date DATE, import_id BIGINT
);
CREATE TABLE lead_times (
  store VARCHAR NOT NULL, supplier VARCHAR NOT NULL, sku VARCHAR NOT NULL, freight_mode VARCHAR NOT NULL,
  production_days INTEGER NOT NULL, freight_days INTEGER NOT NULL, inbound_days INTEGER, lead_time_sd_days DECIMAL(9,2),
  moq BIGINT, carton_quantity BIGINT, import_id BIGINT
);
`;
