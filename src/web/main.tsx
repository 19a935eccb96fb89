import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';

// The staff UI and the customer's service hall (/hall) are separate bundles: customers do not
// download the staff UI, staff do not download the hall; only React and the shared i18n store are common.
const StaffApp = lazy(() => import('./staff-entry.js').then((m) => ({ default: m.App })));
const HallApp = lazy(() => import('./hall/HallApp.js'));
// Public knowledge-base articles (/kb/<slug>) are customer pages too.
const isHall = window.location.pathname === '/hall' || /^\/(hall|kb)\//.test(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing');
createRoot(root).render(
  <StrictMode>
    <Suspense fallback={null}>{isHall ? <HallApp /> : <StaffApp />}</Suspense>
  </StrictMode>,
);
