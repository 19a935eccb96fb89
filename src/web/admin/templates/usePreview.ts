import { useEffect, useRef, useState } from 'react';
import { api } from '../../api.js';
import type { NoticeKind, NoticeLocale, NoticeTemplate, PreviewAnswer } from './template-types.js';

const DEBOUNCE_MS = 250;

/**
 * The server's rendering of a draft (POST …/preview), refreshed shortly after the typing stops.
 * The last answer stays on screen while the next one is on its way; an older answer never
 * replaces a newer one.
 */
export function usePreview(kind: NoticeKind, locale: NoticeLocale, draft: NoticeTemplate) {
  const [preview, setPreview] = useState<PreviewAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const seq = useRef(0);
  const { subject, body, sms } = draft;

  useEffect(() => {
    const mine = ++seq.current;
    setPending(true);
    const timer = setTimeout(() => {
      api.post<PreviewAnswer>(`/api/v1/admin/notice-templates/${kind}/${encodeURIComponent(locale)}/preview`, { subject, body, sms })
        .then((p) => {
          if (mine !== seq.current) return;
          setPreview(p);
          setError(null);
        })
        .catch((err: unknown) => {
          if (mine === seq.current) setError(err);
        })
        .finally(() => {
          if (mine === seq.current) setPending(false);
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [kind, locale, subject, body, sms]);

  // A preview of another notice is not this one's.
  const fresh = preview && preview.kind === kind && preview.locale === locale ? preview : null;
  return { preview: fresh, error, pending };
}
