// Who sees the city desk, as the deployment's configuration says: the register's city officers
// (default) or everyone; anything else is refused in both languages.
import { parseConfig } from '../../src/config';

const base = {
  graphRoot: 'http://127.0.0.1:4321/v1.0',
  site: { hostname: 'seoul.sharepoint.com', path: '/sites/delib' },
};

test('the desk is for the register’s city officers unless the deployment opens it to everyone', () => {
  expect(parseConfig(base).desk).toEqual({ access: 'register' });
  expect(parseConfig({ ...base, desk: { access: 'everyone' } }).desk).toEqual({ access: 'everyone' });
  expect(() => parseConfig({ ...base, desk: { access: 'all' } })).toThrow(
    expect.objectContaining({
      ko: expect.stringContaining('desk.access'),
      en: expect.stringContaining('register or everyone'),
    }),
  );
});
