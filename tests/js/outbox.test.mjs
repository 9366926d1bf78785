// The view's numbered messages (outbox.mjs): resent until Python confirms them.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Outbox } from "../../neuron_core/figures/live_view_js/outbox.mjs";

test("messages are numbered and resent until Python confirms them", () => {
  const q = new Outbox("view-a");
  const place = { key: "edit", value: { op: "add", x: 1, y: 2, cls: 0 } };
  assert.deepEqual(q.add(place, 100), { view: "view-a", ops: [{ seq: 1, ...place }] });
  // A second message before the first's run: both travel (the trigger keeps only the last send).
  const second = q.add({ key: "alpha", value: "0.5" }, 100);
  assert.deepEqual(
    second.ops.map((op) => [op.seq, op.key]),
    [
      [1, "edit"],
      [2, "alpha"],
    ],
  );
  assert.equal(q.confirm({ view: "another view", seq: 5 }), 0); // a view made before: not ours
  assert.equal(q.ops.length, 2);
  assert.equal(q.confirm({ view: "view-a", seq: 1 }), 1);
  assert.deepEqual(
    q.add({ key: "epochs", value: "50" }, 100).ops.map((op) => op.seq),
    [2, 3],
  );
  assert.equal(q.confirm(null), 0);
  q.confirm({ view: "view-a", seq: 3 });
  assert.deepEqual(q.ops, []);
  // At most `batch` travel: the newest.
  for (let k = 0; k < 5; k++) q.add({ key: "edit", value: { op: "clear" } }, 3);
  assert.deepEqual(
    q.ops.map((op) => op.seq),
    [6, 7, 8],
  );
});

test("two views have different names", () => {
  assert.notEqual(new Outbox().name, new Outbox().name);
});

test("a control's new value replaces its unconfirmed one; edits add up", () => {
  const q = new Outbox("v");
  q.add({ key: "alpha", value: "0.5" }, 100, true);
  q.add({ key: "edit", value: { op: "add" } }, 100);
  q.add({ key: "edit", value: { op: "add" } }, 100);
  const send = q.add({ key: "alpha", value: "2" }, 100, true);
  assert.deepEqual(
    send.ops.map((op) => [op.seq, op.key, op.value]),
    [
      [2, "edit", { op: "add" }],
      [3, "edit", { op: "add" }],
      [4, "alpha", "2"],
    ],
  );
});
