/**
 * `#/tasks/new`: CreateAiCallTask in five steps (basics → schedule → retries & pace → numbers → review). Next checks
 * the step's fields and moves focus to the first one in error; the review shows the exact parameters; on success the
 * new task's number import opens. CreateAiCallTask's `Data` is an int64 that JSON.parse would round, so the new
 * TaskId is read back as text from QueryAiCallTaskPage by the (unique) task name, as docs/aiccs-tasks.md advises.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { callAction } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { href, navigate } from '../../router';
import { Button, ErrorBox } from '../../ui';
import { BasicsStep, NumbersStep, RetriesStep, ScheduleStep, type StepProps } from './steps';
import { createParams, emptyForm, firstInvalidStep, STEPS, validateStep, type FieldErrors, type Step, type TaskForm } from './task-form';
import './task-create.css';

const STEP_TITLES: Record<Step, MessageKey> = {
  basics: 'tc.step.basics',
  schedule: 'tc.step.schedule',
  retries: 'tc.step.retries',
  numbers: 'tc.step.numbers',
  review: 'tc.step.review',
};

/** The new task's id as text: the task of exactly this name (names are unique per account). */
async function createdTaskId(name: string): Promise<string | undefined> {
  const page = await callAction('aiccs', 'QueryAiCallTaskPage', { TaskName: name, PageNo: 1, PageSize: 100 });
  return page.Data.List.find((task) => task.TaskName === name)?.TaskId;
}

function Review({ params }: { params: Record<string, unknown> }) {
  const { t } = useI18n();
  return (
    <div className="tc-review">
      <p className="muted">{t('tc.reviewIntro')}</p>
      <dl className="kv">
        {Object.entries(params).map(([k, v]) => (
          <div key={k}>
            <dt><code>{k}</code></dt>
            <dd><code>{typeof v === 'string' ? v : JSON.stringify(v)}</code></dd>
          </div>
        ))}
      </dl>
      <details>
        <summary>{t('tc.reviewJson')}</summary>
        <pre className="tc-json" aria-label={t('tc.reviewJson')}>{JSON.stringify(params, null, 2)}</pre>
      </details>
    </div>
  );
}

export default function CreateWizard() {
  const { t } = useI18n();
  const [form, setForm] = useState<TaskForm>(emptyForm);
  const [step, setStep] = useState<Step>('basics');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);
  const index = STEPS.indexOf(step);

  // A new step: move focus to its heading so keyboard and screen-reader users start at the top of it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const set = (patch: Partial<TaskForm>) => setForm((f) => ({ ...f, ...patch }));

  function go(to: Step) {
    setErrors({});
    setSubmitError(null);
    setStep(to);
  }

  function focusFirstError() {
    requestAnimationFrame(() => body.current?.querySelector<HTMLElement>('[aria-invalid="true"] input, [aria-invalid="true"]')?.focus());
  }

  async function submit() {
    const invalid = firstInvalidStep(form);
    if (invalid) {
      setStep(invalid);
      setErrors(validateStep(invalid, form));
      focusFirstError();
      return;
    }
    setBusy(true);
    setSubmitError(null);
    try {
      await callAction('aiccs', 'CreateAiCallTask', createParams(form));
      const id = await createdTaskId(form.TaskName.trim());
      navigate(id ? `/tasks/${encodeURIComponent(id)}/import?new=1` : '/tasks');
    } catch (err) {
      setSubmitError(err);
    } finally {
      setBusy(false);
    }
  }

  function next(e: FormEvent) {
    e.preventDefault();
    if (step === 'review') {
      void submit();
      return;
    }
    const found = validateStep(step, form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError();
      return;
    }
    go(STEPS[index + 1]!);
  }

  const props: StepProps = { form, errors, set };
  return (
    <section aria-labelledby="page-title" className="tc">
      <p className="crumbs"><a href={href('/tasks')}>{t('tc.backToTasks')}</a></p>
      <h1 id="page-title">{t('tc.title')}</h1>
      <ol className="tc-steps" aria-label={t('tc.stepsLabel')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={i < index ? 'done' : undefined}>
            <span className="tc-step-no" aria-hidden="true">{i + 1}</span>
            {t(STEP_TITLES[s])}
          </li>
        ))}
      </ol>
      <form className="card tc-card" onSubmit={next} noValidate aria-labelledby="tc-step-title">
        <h2 id="tc-step-title" ref={heading} tabIndex={-1}>
          {t('tc.stepOf', { n: index + 1, total: STEPS.length, title: t(STEP_TITLES[step]) })}
        </h2>
        <div ref={body}>
          {step === 'basics' && <BasicsStep {...props} />}
          {step === 'schedule' && <ScheduleStep {...props} />}
          {step === 'retries' && <RetriesStep {...props} />}
          {step === 'numbers' && <NumbersStep {...props} />}
          {step === 'review' && <Review params={createParams(form)} />}
        </div>
        {Object.keys(errors).length > 0 && <p className="field-error" role="alert">{t('tc.fixErrors')}</p>}
        {submitError !== null && <ErrorBox error={submitError} title={t('tc.createFailed')} />}
        <div className="tc-nav">
          <Button onClick={() => go(STEPS[index - 1]!)} disabled={index === 0 || busy}>{t('tc.back')}</Button>
          <Button type="submit" variant="primary" busy={busy}>{step === 'review' ? t('tc.create') : t('tc.next')}</Button>
        </div>
      </form>
    </section>
  );
}
