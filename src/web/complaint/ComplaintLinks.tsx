import { Fragment } from 'react';
import { useI18n } from '../i18n.js';
import { complaintHref } from '../router.js';
import type { Complaint, TimelineEvent } from '../types.js';
import { messages } from './complaint-extras.messages.js';
import { complaintLinks, type ComplaintLink } from './complaint-links.js';
import './complaint-extras.css';

const shown = (l: ComplaintLink) => l.number ?? l.id.slice(0, 8);

function LinkTo({ link, testId }: { link: ComplaintLink; testId: string }) {
  return <a href={complaintHref(link.number ?? link.id)} data-testid={testId}>{shown(link)}</a>;
}

/**
 * The complaints this one is tied to, as chips that open them; a merged complaint also says
 * plainly where the work continues.
 */
export function ComplaintLinks({ complaint, events }: { complaint: Complaint; events: TimelineEvent[] }) {
  const { locale } = useI18n();
  const links = complaintLinks(complaint, events);
  if (!links.length) return null;
  const into = links.find((l) => l.kind === 'merged_into');
  // The sentence is translated whole; the number inside it becomes the link.
  const banner = messages.catalogue[locale]['merge.mergedInto'].split('{number}');
  return (
    <>
      {into && (
        <p className="merged-banner" role="status" data-testid="merged-banner">
          {banner.map((part, i) => (
            <Fragment key={i}>
              {i > 0 && <LinkTo link={into} testId="merged-into-link" />}
              {part}
            </Fragment>
          ))}
        </p>
      )}
      <section className="card complaint-links" aria-labelledby="complaint-links-title" data-testid="complaint-links">
        <h2 id="complaint-links-title">{messages('links.title')}</h2>
        {links.map((l) => (
          <a
            key={`${l.kind}/${l.id}`}
            className={`link-chip link-chip-${l.kind}`}
            href={complaintHref(l.number ?? l.id)}
            data-testid="link-chip"
            data-kind={l.kind}
          >
            <span className="link-chip-kind">{messages(`links.${l.kind}`)}</span>
            <span className="link-chip-number">{shown(l)}</span>
          </a>
        ))}
      </section>
    </>
  );
}
