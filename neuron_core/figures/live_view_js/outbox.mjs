// What the view sends Python (a stage control, a placed point, Undo, "Train from here") goes
// on one trigger, and Streamlit keeps one trigger value per rerun: a second message sent
// before the server took the first replaces it, and a message can be taken twice. So each
// message gets a number, and every send carries every message Python has not confirmed
// (meta.outbox.done, in the next run's data); neuron_core/messages.py takes each number
// once. The view's name tells its numbers from those of a view made before (a reloaded
// page, a page visited again), which start from 1 too.

export class Outbox {
  constructor(name = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`) {
    this.name = name;
    this.next = 1;
    this.ops = [];
  }

  // The send for a new message { key, value }: it and the unconfirmed ones before it (the
  // newest `batch`: Python takes no more at once), less an unconfirmed one of the same key
  // when it `replaces` it (a control's new value: only the last counts). Its number is the
  // last op's seq.
  add(message, batch, replaces = false) {
    if (replaces) this.ops = this.ops.filter((op) => op.key !== message.key);
    this.ops.push({ seq: this.next, ...message });
    this.next += 1;
    this.ops = this.ops.slice(-batch);
    return { view: this.name, ops: this.ops };
  }

  // Python took messages up to done.seq (done: meta.outbox.done, maybe another view's, or
  // none): they leave. Returns that number (0: none of this view's).
  confirm(done) {
    const seq = done?.view === this.name ? done.seq : 0;
    this.ops = this.ops.filter((op) => op.seq > seq);
    return seq;
  }
}
