/** The tasks area's own routes: `#/tasks/new` (the create wizard) and `#/tasks/<id>/import` (number import). */
import CreateWizard from './CreateWizard';
import ImportNumbers from './ImportNumbers';

export default function TaskCreatePage({ route }: { route: string[] }) {
  if (route[1] === 'new') return <CreateWizard />;
  // `?new=1` is added by the wizard, so the page can say the task was just created.
  const fresh = /[?&]new=1\b/.test(window.location.hash);
  return <ImportNumbers key={route[1]} taskId={route[1] ?? ''} fresh={fresh} />;
}
