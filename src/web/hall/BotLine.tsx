import { messages as m, type BotMessageKey } from './bot.messages.js';
import { BotArticle } from './BotArticle.js';
import type { Line } from './bot-lines.js';

const WHO: Record<Line['sender'], BotMessageKey> = { customer: 'bot.you', bot: 'bot.assistant', agent: 'bot.agent', system: 'bot.system' };

export function failureText(code: string): string {
  switch (code) {
    case 'rate_limited':
    case 'conflict':
    case 'validation_failed':
    case 'refused':
      return m(`bot.error.${code}`);
    default:
      return m('bot.error.generic');
  }
}

/** One line of the conversation: who said it, what, and the article a bot answer points at. */
export function BotLine({ line }: { line: Line }) {
  return (
    <li className={`bot-line from-${line.sender}`} data-testid="bot-message" data-sender={line.sender} data-delivery={line.delivery}>
      <span className="bot-who">{m(WHO[line.sender])}</span>
      <p className="hall-text">{line.body}</p>
      {line.article && <BotArticle slug={line.article.slug} title={line.article.title} />}
      {line.delivery === 'sending' && <span className="hall-muted hall-small">{m('bot.sending')}</span>}
      {line.delivery === 'failed' && <span className="bot-failed" role="alert" data-testid="bot-failed">{failureText(line.failure ?? '')}</span>}
    </li>
  );
}
