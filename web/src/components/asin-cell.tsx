import { useProducts } from '../api/products.ts';

/** An ASIN with its product's name (and image when one is known) beside it, as every table shows it. */
export function AsinCell({ asin }: { asin: string | null | undefined }) {
  const { byAsin } = useProducts();
  if (!asin) return <>—</>;
  const product = byAsin.get(asin);
  return (
    <span className="asin-cell" data-asin={asin}>
      {product?.image ? <img src={product.image} alt="" width={32} height={32} loading="lazy" /> : null}
      <span>
        <code>{asin}</code>
        {product?.name ? <span className="product-name" data-product-name>{product.name}</span> : null}
      </span>
    </span>
  );
}
