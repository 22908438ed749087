import { Form, Select } from 'antd';
import { useApiGet } from '../api/use-api-get';
import { searchable } from '../text/searchable';
import { ROLE_LABELS, type SignedIn } from '../session/session';

interface Named {
  code: string;
  name: string;
}

const options = (state: ReturnType<typeof useApiGet<Named[]>>) =>
  state.status === 'ok'
    ? state.data.map((x) => ({ value: x.code, label: `${x.name} (${x.code})` }))
    : [];

/** Searches by name or code, without diacritics mattering ("so noi vu" finds "Sở Nội vụ"). */
const filterOption = (input: string, option?: { label: string }) =>
  searchable(option?.label ?? '').includes(searchable(input));

/**
 * The role of an account and what it acts for: a unit for a focal point, an agency for an
 * appraiser, picked by name from the API's lists (officials do not know the codes).
 */
export function RoleFields({ roles }: { roles: readonly SignedIn['role'][] }) {
  const role = Form.useWatch<SignedIn['role'] | undefined>('role');
  const units = useApiGet<Named[]>('/units');
  const agencies = useApiGet<Named[]>('/agencies');
  return (
    <>
      <Form.Item label="Vai trò" name="role" rules={[{ required: true }]}>
        <Select
          options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          aria-label="Vai trò"
        />
      </Form.Item>
      {role === 'unit' && (
        <Form.Item
          label="Đơn vị"
          name="unitCode"
          rules={[{ required: true, message: 'Vui lòng chọn đơn vị.' }]}
        >
          <Select
            showSearch={{ filterOption }}
            aria-label="Đơn vị"
            placeholder="Gõ tên hoặc mã đơn vị"
            loading={units.status === 'loading'}
            options={options(units)}
          />
        </Form.Item>
      )}
      {role === 'appraiser' && (
        <Form.Item
          label="Cơ quan thẩm định"
          name="agencyCode"
          rules={[{ required: true, message: 'Vui lòng chọn cơ quan thẩm định.' }]}
        >
          <Select
            showSearch={{ filterOption }}
            aria-label="Cơ quan thẩm định"
            placeholder="Gõ tên hoặc mã cơ quan"
            loading={agencies.status === 'loading'}
            options={options(agencies)}
          />
        </Form.Item>
      )}
    </>
  );
}
