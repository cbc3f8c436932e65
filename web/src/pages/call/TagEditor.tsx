/**
 * The call's tags as chips: add (button or Enter) and remove locally, then save the whole list with
 * UpdateOutboundCallTags, which replaces the tags. The input is checked against the action's own limits before sending;
 * the server's refusal (a call never answered, for one) is shown as it answered.
 */
import { useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { Button, ErrorBox, Field } from '../../ui';
import { saveTags } from './call-data';

const MAX_TAGS = 50;
const MAX_TAG_CHARS = 64;

export function TagEditor({ callId, initial }: { callId: string; initial: string[] }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(initial);
  const [tags, setTags] = useState(initial);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const changed = tags.length !== saved.length || tags.some((tag, i) => tag !== saved[i]);

  function add(e: FormEvent) {
    e.preventDefault();
    setNotice('');
    const tag = draft.trim();
    const why: MessageKey | null = tag === '' ? 'call.tagEmpty'
      : [...tag].length > MAX_TAG_CHARS ? 'call.tagTooLong'
        : tags.includes(tag) ? 'call.tagDuplicate'
          : tags.length >= MAX_TAGS ? 'call.tagTooMany'
            : null;
    setProblem(why);
    if (why) return;
    setTags([...tags, tag]);
    setDraft('');
  }

  async function save() {
    setSaving(true);
    setError(null);
    setNotice('');
    try {
      await saveTags(callId, tags);
      setSaved(tags);
      setNotice(t('call.tagsSaved'));
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="card" aria-labelledby="tags-title">
      <h2 id="tags-title">{t('call.tags')}</h2>
      {tags.length === 0 ? (
        <p className="muted">{t('call.noTags')}</p>
      ) : (
        <ul className="chips" aria-label={t('call.tags')}>
          {tags.map((tag) => (
            <li key={tag} className="chip">
              <span>{tag}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('call.removeTag', { tag })}
                onClick={() => { setTags(tags.filter((x) => x !== tag)); setNotice(''); }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="filters" onSubmit={add}>
        <Field label={t('call.tagInput')} hint={t('call.tagsHint')} error={problem ? t(problem) : undefined}>
          {(ids) => <input {...ids} value={draft} maxLength={MAX_TAG_CHARS * 2} onChange={(e) => { setDraft(e.target.value); setProblem(null); }} />}
        </Field>
        <div className="filters-actions">
          <Button type="submit">{t('call.addTag')}</Button>
          <Button variant="primary" busy={saving} disabled={!changed} onClick={save}>{t('call.saveTags')}</Button>
          <Button disabled={!changed || saving} onClick={() => { setTags(saved); setProblem(null); }}>{t('call.resetTags')}</Button>
          <span role="status" className={notice ? 'notice-inline' : 'muted'}>{notice || (changed ? t('call.tagsUnsaved') : '')}</span>
        </div>
      </form>
      {error !== null && <ErrorBox error={error} title={t('call.tagsFailed')} />}
    </section>
  );
}
