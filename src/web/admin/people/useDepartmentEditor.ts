import { useState } from 'react';
import { api } from '../../api.js';
import {
  createDepartmentBody, DEPARTMENT_FIELDS, departmentPatchBody, draftFromDepartment, validateDepartmentDraft,
  type DepartmentDraft, type DepartmentField,
} from './department-model.js';
import { splitFieldErrors, type FieldErrors } from './field-errors.js';
import { hasProblems, type Problems } from './form-problem.js';
import type { Department } from './people-types.js';
import { messages as m } from './people.messages.js';

/**
 * The state of one department form (the create card or an edited row): the draft, client and
 * server field errors, and a save that sends only what changed.
 */
export function useDepartmentEditor(department: Department | null, onSaved: (d: Department | null) => void) {
  const [draft, setDraft] = useState<DepartmentDraft>(() => draftFromDepartment(department));
  const [problems, setProblems] = useState<Problems<DepartmentField>>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors<DepartmentField>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const set = (key: DepartmentField, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setProblems((p) => ({ ...p, [key]: undefined }));
    setServerErrors((s) => ({ ...s, [key]: undefined }));
  };
  const errorOf = (f: DepartmentField): string | null => {
    const p = problems[f];
    return p ? m(p.key, p.vars) : serverErrors[f] ?? null;
  };
  const reset = () => {
    setDraft(draftFromDepartment(department));
    setProblems({});
    setServerErrors({});
    setError(null);
  };

  async function save() {
    const found = validateDepartmentDraft(draft, department ? 'edit' : 'create');
    setProblems(found);
    setServerErrors({});
    setError(null);
    if (hasProblems(found)) return;
    const body = department ? departmentPatchBody(department, draft) : createDepartmentBody(draft);
    if (department && Object.keys(body).length === 0) {
      onSaved(null);
      return;
    }
    setBusy(true);
    try {
      onSaved(department
        ? await api.patch<Department>(`/api/v1/departments/${encodeURIComponent(department.id)}`, body)
        : await api.post<Department>('/api/v1/departments', body));
    } catch (err) {
      const split = splitFieldErrors(err, DEPARTMENT_FIELDS);
      setServerErrors(split.fields);
      setError(split.rest);
    } finally {
      setBusy(false);
    }
  }

  return { draft, set, errorOf, error, busy, save, reset, invalid: hasProblems(problems) };
}
