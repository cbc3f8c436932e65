/** Which column is the phone number, which the OutId, which columns are call variables (and under what name). */
import { useId } from 'react';
import { useI18n } from '../../i18n';
import type { ColumnMapping } from '../../import/number-rows';
import type { SheetTable } from '../../import/table';

export type ColumnRole = { role: 'ignore' | 'phone' | 'outId' } | { role: 'variable'; name: string };

export interface AgentVariable {
  key: string;
  name: string;
  required: boolean;
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
function letters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function rolesOf(mapping: ColumnMapping, columns: number): ColumnRole[] {
  return Array.from({ length: columns }, (_, c): ColumnRole => {
    if (mapping.phone === c) return { role: 'phone' };
    if (mapping.outId === c) return { role: 'outId' };
    const v = mapping.variables.find((x) => x.column === c);
    return v ? { role: 'variable', name: v.name } : { role: 'ignore' };
  });
}

export function mappingOf(roles: ColumnRole[]): ColumnMapping {
  const mapping: ColumnMapping = { phone: undefined, outId: undefined, variables: [] };
  roles.forEach((r, column) => {
    if (r.role === 'phone') mapping.phone = column;
    else if (r.role === 'outId') mapping.outId = column;
    else if (r.role === 'variable') mapping.variables.push({ column, name: r.name.trim() });
  });
  return mapping;
}

export function ColumnMapper({ table, roles, onChange, agentVariables }: {
  table: SheetTable;
  roles: ColumnRole[];
  onChange(roles: ColumnRole[]): void;
  agentVariables: AgentVariable[];
}) {
  const { t } = useI18n();
  const listId = useId();
  const sample = table.rows[0]?.cells ?? [];

  function setRole(column: number, value: string) {
    const next = roles.map((r, c): ColumnRole => {
      if (c === column) {
        if (value === 'variable') return { role: 'variable', name: table.header[c] ?? '' };
        return { role: value as 'ignore' | 'phone' | 'outId' };
      }
      // Only one column can be the number and one the OutId.
      if ((value === 'phone' || value === 'outId') && r.role === value) return { role: 'ignore' };
      return r;
    });
    onChange(next);
  }

  return (
    <div className="table-wrap">
      <datalist id={listId}>
        {agentVariables.map((v) => <option key={v.key} value={v.key}>{v.name}</option>)}
      </datalist>
      <table className="table tc-mapper">
        <caption className="visually-hidden">{t('imp.mapping')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('imp.col.column')}</th>
            <th scope="col">{t('imp.col.sample')}</th>
            <th scope="col">{t('imp.col.use')}</th>
            <th scope="col">{t('imp.col.variable')}</th>
          </tr>
        </thead>
        <tbody>
          {table.header.map((title, c) => {
            const role = roles[c] ?? { role: 'ignore' };
            const label = `${letters(c)} ${title}`.trim();
            return (
              <tr key={c}>
                <th scope="row">{label}</th>
                <td className="tc-sample">{sample[c] ?? ''}</td>
                <td>
                  <select aria-label={t('imp.useOf', { column: label })} value={role.role} onChange={(e) => setRole(c, e.target.value)}>
                    <option value="ignore">{t('imp.role.ignore')}</option>
                    <option value="phone">{t('imp.role.phone')}</option>
                    <option value="outId">{t('imp.role.outId')}</option>
                    <option value="variable">{t('imp.role.variable')}</option>
                  </select>
                </td>
                <td>
                  {role.role === 'variable' && (
                    <input
                      aria-label={t('imp.variableOf', { column: label })}
                      list={listId}
                      value={role.name}
                      onChange={(e) => onChange(roles.map((r, i) => (i === c ? { role: 'variable', name: e.target.value } : r)))}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
