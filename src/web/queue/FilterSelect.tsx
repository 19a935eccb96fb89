interface Option { value: string; label: string }

interface Props {
  label: string;
  testId: string;
  value: string;
  allLabel: string;
  options: readonly Option[];
  /** Label of a single value not among the options (e.g. from a view saved elsewhere). */
  labelOf?: (v: string) => string;
  onChange: (v: string) => void;
}

/**
 * A one-value filter select that still shows a value it has no option for — a comma list
 * ("urgent,serious") or a code from a view saved through the API — instead of silently
 * displaying "all" while the list is filtered.
 */
export function FilterSelect({ label, testId, value, allLabel, options, labelOf = (v) => v, onChange }: Props) {
  const known = value === '' || options.some((o) => o.value === value);
  return (
    <label className="field field-inline">
      <span>{label}</span>
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {!known && <option value={value}>{value.split(',').map((v) => options.find((o) => o.value === v)?.label ?? labelOf(v)).join(' + ')}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </label>
  );
}
