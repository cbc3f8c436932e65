export { Button } from './Button';
export { ConfirmDialog } from './ConfirmDialog';
export { Dialog } from './Dialog';
export { ErrorBox } from './ErrorBox';
export { Field } from './Field';
export { Pager } from './Pager';
export { ProgressBar } from './ProgressBar';
export { Spinner } from './Spinner';
export { Table, type Column } from './Table';
