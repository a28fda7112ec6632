// Keeps a host's <dialog> the modal the person sees, for as long as the host means it to be open:
// a modal again after the host is moved, and reported the moment it can no longer be seen (an
// ancestor set to display: none, `hidden`, or a page's own <dialog> around it closed), so that no
// invisible modal is left over a page that ignores every tap.
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {restoreModal, showModal} from '../internal/top-layer.js';

export interface ModalHandlers {
  /** The dialog was shown as a modal again after a move: focus belongs inside it again. */
  moved(): void;
  /** The open dialog can no longer be seen: the host ends it. */
  hidden(): void;
}

export class ModalController implements ReactiveController {
  /** Made on first show: a dialog that stops being rendered is reported (as 0×0). */
  private observer?: ResizeObserver;

  constructor(
    host: ReactiveControllerHost,
    private readonly dialog: () => HTMLDialogElement | null,
    private readonly handlers: ModalHandlers
  ) {
    host.addController(this);
  }

  /** Shows the dialog as a modal (under the kit's toast) and watches that it stays seen. */
  show() {
    const dialog = this.dialog();
    if (!dialog || dialog.open) return;
    showModal(dialog);
    this.observer ??= new ResizeObserver(() => this.check());
    this.observer.observe(dialog);
  }

  /** Closes the dialog and stops watching it. */
  close() {
    this.observer?.disconnect();
    this.dialog()?.close();
  }

  /** Connected again: after a move (removed and inserted in one task) the dialog is modal again. */
  hostConnected() {
    const dialog = this.dialog();
    if (dialog && restoreModal(dialog)) this.handlers.moved();
  }

  /** Whatever hid it (display: none, `hidden`, a closed <dialog> around it), the dialog is not seen. */
  private check() {
    const dialog = this.dialog();
    if (dialog?.open && !dialog.checkVisibility()) this.handlers.hidden();
  }
}
