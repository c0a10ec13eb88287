// Rows (as the store keeps them: {id, updated_ms, keys, json}) each made a version newer, as if
// every record had been edited on the laptop `device` a day later; `edit(kind, record)` may
// change the record too. The sync spec and benchmark import a file of them over the originals.
export function newerVersions(byKind, device, edit = () => {}) {
  return Object.fromEntries(Object.entries(byKind).map(([kind, rows]) => [kind, rows.map((r) => {
    const record = JSON.parse(r.json);
    record.version = { ...record.version, [device]: 1 };
    record.updated = { ms: record.updated.ms + 86_400_000, counter: 0, device };
    record.device_id = device;
    edit(kind, record);
    return { ...r, updated_ms: record.updated.ms, json: JSON.stringify(record) };
  })]));
}
