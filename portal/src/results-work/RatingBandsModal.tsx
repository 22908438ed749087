import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { RatingBand } from './results-api';

/** A field's label for screen readers (the placeholders say it to the eye). */
const hidden = (text: string) => <span className="visually-hidden">{text}</span>;

interface Values {
  bands: { label: string; min: number | null; max: number | null }[];
}

/**
 * The campaign's rating bands (PUT …/scoring-policy): a label with its lower bound (inclusive,
 * empty = from 0) and upper bound (exclusive, empty = none). The scoring module checks that they
 * cover every index once; its refusal names the gaps and overlaps.
 */
export function RatingBandsModal({
  open,
  bands,
  onSave,
  onClose,
}: {
  open: boolean;
  bands: readonly RatingBand[];
  /** null: back to the default bands. */
  onSave: (bands: RatingBand[] | null) => Promise<boolean>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const save = async (value: RatingBand[] | null) => {
    setSaving(true);
    try {
      await onSave(value);
    } finally {
      setSaving(false);
    }
  };
  const submit = async () => {
    const { bands: rows } = await form.validateFields();
    await save(
      rows.map((b) => ({ label: b.label.trim(), min: b.min ?? null, max: b.max ?? null })),
    );
  };
  return (
    <Modal
      open={open}
      title="Các mức xếp loại"
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          <Button onClick={() => void save(null)} disabled={saving}>
            Dùng mức mặc định
          </Button>
          <CancelBtn />
          <OkBtn />
        </>
      )}
    >
      <Typography.Paragraph>
        Cận dưới tính cả giá trị đó; cận trên không tính. Bỏ trống cận dưới nghĩa là từ 0, bỏ trống
        cận trên nghĩa là không giới hạn. Kết quả đã tính được xếp loại lại ngay.
      </Typography.Paragraph>
      <Form<Values> form={form} requiredMark={false} preserve={false}>
        <Form.List name="bands" initialValue={bands.map((b) => ({ ...b }))}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" size={8} className="band-row">
                  <Form.Item
                    name={[field.name, 'label']}
                    label={hidden(`Tên mức ${i + 1}`)}
                    colon={false}
                    rules={[{ required: true, whitespace: true, message: 'Nhập tên mức.' }]}
                  >
                    <Input placeholder="Tên mức" className="band-label" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'min']}
                    label={hidden(`Cận dưới mức ${i + 1}`)}
                    colon={false}
                  >
                    <InputNumber
                      placeholder="từ"
                      className="band-bound"
                      min={0}
                      decimalSeparator=","
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'max']}
                    label={hidden(`Cận trên mức ${i + 1}`)}
                    colon={false}
                  >
                    <InputNumber
                      placeholder="dưới"
                      className="band-bound"
                      min={0}
                      decimalSeparator=","
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={`Bỏ mức ${i + 1}`}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ label: '', min: null, max: null })}
              >
                Thêm mức
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
