import { go } from '../hall-router.js';
import { hallPathOf, splitLinks } from './notice-text.js';

/** A notice's words with its addresses as links: hall pages open in place, other sites in a new tab. */
export function NoticeText({ text, onNavigate }: { text: string; onNavigate: () => void }) {
  return (
    <p className="hall-text hall-notice-text" data-testid="hall-notice-text">
      {splitLinks(text).map((part, i) => {
        if (part.kind === 'text') return <span key={i}>{part.text}</span>;
        const inHall = hallPathOf(part.url, window.location.origin);
        if (inHall) {
          return (
            <a key={i} href={part.url} onClick={(e) => { e.preventDefault(); onNavigate(); go(inHall); }}>{part.url}</a>
          );
        }
        const sameSite = part.url.startsWith(`${window.location.origin}/`);
        return sameSite
          ? <a key={i} href={part.url}>{part.url}</a>
          : <a key={i} href={part.url} target="_blank" rel="noopener noreferrer">{part.url}</a>;
      })}
    </p>
  );
}
