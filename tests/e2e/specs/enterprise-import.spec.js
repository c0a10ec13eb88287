// Nhập danh sách doanh nghiệp từ Excel và CSV: tệp được đọc trong worker bảng tính
// (tải khi cần, không nằm trong gói ứng dụng), cột được đoán từ tiêu đề, từng dòng
// được kiểm tra với danh bạ; chỉ khi cán bộ xác nhận mới ghi, trong một giao dịch.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { AppShell, EnterpriseRegister, seedRows, storedRows, untilControlled } from '../pages/app.js';
import { EnterpriseImport, registerTotal, taxCode } from '../pages/enterprise-import.js';

const synth = new URL('../../../target/synth/', import.meta.url);
const listPath = new URL('enterprise-list-1000.xlsx', synth).pathname;
const facts = () => JSON.parse(fs.readFileSync(`${listPath}.json`, 'utf8'));
const registerRows = () => JSON.parse(fs.readFileSync(new URL('province-300/enterprise.json', synth), 'utf8'));
const vi = (n) => n.toLocaleString('de-DE');
const live = (rows) => rows.filter((r) => !JSON.parse(r.json).deleted).length;

async function openWithRegister(page) {
  const app = new AppShell(page);
  await app.open('/');
  await untilControlled(page);
  const rows = registerRows();
  await seedRows(page, { enterprise: rows });
  await app.reload();
  return { app, seeded: live(rows), rows };
}

test('tệp Excel 1.000 dòng: 5 dòng lỗi và 3 dòng trùng báo đúng số dòng, chưa ghi gì cho tới khi xác nhận', async ({ page }) => {
  const f = facts();
  const { app, seeded } = await openWithRegister(page);
  await expect.poll(() => registerTotal(page)).toBe(seeded);

  const sheet = new EnterpriseImport(page);
  await sheet.open();
  await sheet.pick(listPath);
  // Tiêu đề ở dòng 1, 1.000 dòng dữ liệu; cột được đoán từ tiêu đề tiếng Việt.
  await expect(sheet.read).toContainText(`${vi(f.rows + 1)}`);
  await expect(sheet.mappedField(0)).toHaveValue('');
  await expect(sheet.mappedField(1)).toHaveValue('name');
  await expect(sheet.mappedField(2)).toHaveValue('tax_code');
  await expect(sheet.mappedField(4)).toHaveValue('admin_unit');
  await expect(sheet.mappedField(5)).toHaveValue('employees');
  await expect(sheet.mappedField(7)).toHaveValue('contact_email');

  await sheet.check();
  await expect(sheet.counts).toHaveText(
    `${vi(f.new)} doanh nghiệp mới · ${vi(f.duplicate_rows.length)} trùng với doanh nghiệp đã có · ${vi(f.bad_rows.length)} dòng không hợp lệ`,
  );
  expect(await sheet.rowNumbers('invalid')).toEqual(f.bad_rows);
  // Mỗi dòng lỗi nói lý do.
  await expect(sheet.rowDetails(f.bad_rows[0])).toContainText('Mã số thuế');
  await expect(sheet.rowDetails(f.bad_rows[2])).toContainText('Huyện Hà Lộc');
  expect(await sheet.rowNumbers('matches')).toEqual(f.duplicate_rows);
  await expect(sheet.rowDetails(f.duplicate_rows[0])).toContainText('Trùng mã số thuế');
  const newRows = await sheet.rowNumbers('new');
  expect(newRows.length).toBe(f.new);

  // Chưa xác nhận: không có gì được ghi, kể cả sau khi tải lại trang.
  expect(live(await storedRows(page))).toBe(seeded);
  await app.reload();
  await expect.poll(() => registerTotal(page)).toBe(seeded);

  // Nhập lại, xác nhận: chỉ các doanh nghiệp mới được thêm, dòng trùng được bỏ qua.
  await sheet.open();
  await sheet.pick(listPath);
  await sheet.check();
  await expect(sheet.confirmButton).toHaveText(`Thêm ${vi(f.new)} doanh nghiệp`);
  await sheet.confirm();
  await expect(sheet.done).toContainText(`Đã nhập ${vi(f.new)} doanh nghiệp mới`);
  await expect(sheet.done).toContainText(`bỏ qua ${vi(f.duplicate_rows.length)} dòng trùng và ${vi(f.bad_rows.length)} dòng không hợp lệ`);
  await expect.poll(() => registerTotal(page)).toBe(seeded + f.new);
  await app.reload();
  await expect.poll(() => registerTotal(page)).toBe(seeded + f.new);
  await expect.poll(async () => live(await storedRows(page))).toBe(seeded + f.new);

  // Một doanh nghiệp mới có đủ thông tin: mã số thuế (ô số trong Excel), đơn vị, số lao động.
  const register = new EnterpriseRegister(page);
  await register.search.fill('Công ty TNHH Thực phẩm Sen Hồng 1');
  await expect(register.row('Công ty TNHH Thực phẩm Sen Hồng 1')).toContainText('Thành phố Cao Lãnh');
});

test('hủy sau khi xem kết quả kiểm tra: không để lại gì', async ({ page }) => {
  const { seeded } = await openWithRegister(page);
  const sheet = new EnterpriseImport(page);
  await sheet.open();
  await sheet.pick(listPath);
  await sheet.check();
  await sheet.cancel();
  expect(live(await storedRows(page))).toBe(seeded);
  await expect.poll(() => registerTotal(page)).toBe(seeded);
});

test('tệp CSV có BOM, dấu chấm phẩy và tên tiếng Việt được nhập đúng', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  const codes = [taxCode('180765432'), taxCode('180765500'), taxCode('180765600')];
  // Tên thứ ba viết kiểu tổ hợp (NFD), như văn bản dán từ macOS: vẫn được ghi như chữ gõ.
  const decomposed = 'Hợp tác xã Hoa kiểng Sa Đéc'.normalize('NFD');
  const csv = '\uFEFF' + [
    'Tên doanh nghiệp;Mã số thuế;Địa chỉ;Xã/Phường;Số lao động;Doanh thu (triệu đồng)',
    `"Công ty TNHH Gốm sứ Hồng Ngự; chi nhánh 1";${codes[0]};"Số 5, đường Nguyễn Huệ";Huyện Hồng Ngự;1.250;12.750,0`,
    `Doanh nghiệp tư nhân Xoài Cát Chu Mỹ Xương;${codes[1].slice(0, 4)} ${codes[1].slice(4)};;TP. Cao Lãnh;35;`,
    `${decomposed};${codes[2]};;Thành phố Sa Đéc;;`,
  ].join('\r\n') + '\r\n';
  const sheet = new EnterpriseImport(page);
  await sheet.open();
  await sheet.pick({ name: 'danh-sach-dn.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(sheet.mappedField(3)).toHaveValue('admin_unit');
  await expect(sheet.preview).toContainText('Công ty TNHH Gốm sứ Hồng Ngự; chi nhánh 1');
  await sheet.check();
  await expect(sheet.counts).toHaveText('3 doanh nghiệp mới · 0 trùng với doanh nghiệp đã có · 0 dòng không hợp lệ');
  await sheet.confirm();

  const register = new EnterpriseRegister(page);
  await register.open();
  await register.search.fill('Gốm sứ Hồng Ngự');
  await register.openEnterprise('Công ty TNHH Gốm sứ Hồng Ngự; chi nhánh 1');
  const detail = page.getByTestId('enterprise-detail');
  await expect(detail).toContainText(codes[0]);
  await expect(detail).toContainText('Huyện Hồng Ngự');
  await expect(detail).toContainText('Số 5, đường Nguyễn Huệ');
  await expect(detail).toContainText('1.250');
  // 12.750,0 triệu đồng = 12,75 tỷ đồng.
  await expect(page.getByTestId('detail-revenue')).toContainText('12,75');
  await register.open();
  await register.search.fill('hoa kieng sa dec');
  await expect(register.row('Hợp tác xã Hoa kiểng Sa Đéc')).toContainText('Thành phố Sa Đéc');
  await register.search.fill(codes[1]);
  await expect(register.row('Doanh nghiệp tư nhân Xoài Cát Chu Mỹ Xương')).toContainText('Thành phố Cao Lãnh');
});

test('tệp không phải bảng tính: báo rõ ràng, không ghi gì', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  const sheet = new EnterpriseImport(page);
  await sheet.open();
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
  await sheet.pickRefused({ name: 'danh-sach.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: garbage });
  await expect(sheet.error).toHaveText(/không phải bảng tính Excel/);
  await expect(sheet.preview).toHaveCount(0);
  // Một tệp nén zip không phải Excel cũng vậy.
  await sheet.pickRefused({ name: 'anh.xlsx', mimeType: 'application/zip', buffer: Buffer.concat([Buffer.from('PK\u0003\u0004'), garbage]) });
  await expect(sheet.error).toHaveText(/không phải bảng tính Excel/);
  // Một tệp CSV có chữ ở cột thứ 20.002 (từng giữ trang 40 giây): bị từ chối, nói rõ giới hạn cột.
  const wide = `Tên doanh nghiệp,Mã số thuế,${Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',')}\r\nCông ty A,1400100593\r\n`;
  await sheet.pickRefused({ name: 'rong.csv', mimeType: 'text/csv', buffer: Buffer.from(wide) });
  await expect(sheet.error).toHaveText('Tệp quá lớn để nhập (tối đa 50 MB, 200.000 dòng, 512 cột).');
  await expect(sheet.preview).toHaveCount(0);
  // Sau đó một tệp đúng vẫn đọc được.
  await sheet.pick({ name: 'ok.csv', mimeType: 'text/csv', buffer: Buffer.from('Tên doanh nghiệp,Mã số thuế\r\nCông ty A,\r\n') });
  await expect(sheet.error).toHaveCount(0);
  expect(live(await storedRows(page))).toBe(0);
});

test('worker không tải được (mất mạng, chưa lưu): báo lỗi, không làm hỏng trang; có mạng lại thì đọc được', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const app = new AppShell(page);
  await app.open('/');
  await page.route('**/spreadsheet-worker*', (route) => route.abort('internetdisconnected'));
  const sheet = new EnterpriseImport(page);
  await sheet.open();
  const csv = { name: 'ds.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFFTên doanh nghiệp\r\nCông ty Bình Thành\r\n') };
  await sheet.pickRefused(csv);
  await expect(sheet.error).toContainText('Không tải được bộ đọc bảng tính');
  await page.unroute('**/spreadsheet-worker*');
  await sheet.pick(csv);
  await expect(sheet.preview).toContainText('Công ty Bình Thành');
  await context.close();
});

test('khi mất mạng: worker bảng tính đã được service worker lưu sẵn vẫn đọc được tệp', async ({ page, context }) => {
  const app = new AppShell(page);
  await app.open('/');
  await untilControlled(page);
  // Service worker đã lưu worker bảng tính (không phải tải lúc mở ứng dụng).
  await page.waitForFunction(async () => {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      if (await cache.match('/spreadsheet-worker_bg.wasm') && await cache.match('/spreadsheet-worker_loader.js')) return true;
    }
    return false;
  }, null, { timeout: 20_000 });
  await context.setOffline(true);
  await app.reload();
  const sheet = new EnterpriseImport(page);
  await sheet.open();
  await sheet.pick({ name: 'ngoai-tuyen.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFFTên doanh nghiệp;Mã số thuế\r\nCông ty Ngoại Tuyến;\r\n') });
  await sheet.check();
  await expect(sheet.counts).toHaveText('1 doanh nghiệp mới · 0 trùng với doanh nghiệp đã có · 0 dòng không hợp lệ');
  await sheet.confirm();
  await expect.poll(() => registerTotal(page)).toBe(1);
  await context.setOffline(false);
});
