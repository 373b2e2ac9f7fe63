import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProducts } from '../api/products.ts';

/**
 * An ASIN with its product's name and image beside it, as every table shows it. The image comes from
 * the products file or the All Listings report, fetched by the server from Amazon's image hosts (the proxy
 * refuses any other); without one (or when it fails to load) a neutral package tile drawn inline takes its
 * place, so every row keeps the same image slot.
 */
export function AsinCell({ asin }: { asin: string | null | undefined }) {
  const { byAsin } = useProducts();
  if (!asin) return <>—</>;
  const product = byAsin.get(asin);
  return (
    <span className="asin-cell" data-asin={asin}>
      <ProductImage asin={asin} name={product?.name ?? null} image={product?.image ?? null} />
      <span>
        <code>{asin}</code>
        {product?.name ? <span className="product-name" data-product-name>{product.name}</span> : null}
      </span>
    </span>
  );
}

function ProductImage({ asin, name, image }: { asin: string; name: string | null; image: string | null }) {
  const { t } = useTranslation();
  // remember which address failed, so a later, different image is tried again
  const [failed, setFailed] = useState<string | null>(null);
  if (image && failed !== image) {
    // through the server's image proxy (GET /api/image): the page itself loads nothing from a third party
    return <img src={`/api/image?src=${encodeURIComponent(image)}`} alt={t('products.imageOf', { product: name ?? asin })} width={32} height={32} loading="lazy" onError={() => setFailed(image)} />;
  }
  return (
    <span className="image-placeholder" role="img" aria-label={t('products.noImage', { asin })} data-image-placeholder>
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path d="M12 2.5 3.5 7v10L12 21.5 20.5 17V7z M3.5 7 12 11.5 20.5 7 M12 11.5v10" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      </svg>
    </span>
  );
}
