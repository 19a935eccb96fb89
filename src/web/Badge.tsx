import { useI18n } from './i18n.js';

/** A coloured pill for an enum value (severity, status, lane…), labelled in the current locale. */
export function Badge({ kind, value, testId }: { kind: 'severity' | 'status' | 'lane' | 'category' | 'channel'; value: string; testId?: string }) {
  const { tEnum } = useI18n();
  return (
    <span className={`badge badge-${kind} badge-${kind}-${value}`} data-value={value} data-testid={testId}>
      {tEnum(kind, value)}
    </span>
  );
}
