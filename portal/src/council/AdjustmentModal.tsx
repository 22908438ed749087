import { Checkbox, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import type { AdjustmentInput, Results } from '../results-work/results-api';

interface Values {
  unitCode: string;
  kind: 'total' | 'criterion';
  criterionCode?: string;
  score?: number;
  notApplicable?: boolean;
  points?: number;
  reason: string;
}

/**
 * A council decision: points added to (or taken from) a unit's total, or a criterion's final
 * score (or "không áp dụng"), always with its reason. The API checks the criterion and the score.
 */
export function AdjustmentModal({
  open,
  results,
  onSave,
  onClose,
}: {
  open: boolean;
  results: Results;
  onSave: (adjustment: AdjustmentInput) => Promise<boolean>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);
  const notApplicable = Form.useWatch('notApplicable', form);
  const submit = async () => {
    const v = await form.validateFields();
    const reason = v.reason.trim();
    const adjustment: AdjustmentInput =
      v.kind === 'total'
        ? { unitCode: v.unitCode, points: v.points!, reason }
        : v.notApplicable
          ? {
              unitCode: v.unitCode,
              criterionCode: v.criterionCode!.trim(),
              notApplicable: true,
              reason,
            }
          : {
              unitCode: v.unitCode,
              criterionCode: v.criterionCode!.trim(),
              score: v.score!,
              reason,
            };
    setSaving(true);
    try {
      if (await onSave(adjustment)) form.resetFields();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title="Điều chỉnh kết quả"
      okText="Ghi điều chỉnh"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        initialValues={{ kind: 'total' }}
      >
        <Form.Item
          label="Đơn vị"
          name="unitCode"
          rules={[{ required: true, message: 'Vui lòng chọn đơn vị.' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            aria-label="Đơn vị"
            options={results.groups.flatMap((g) =>
              g.units.map((u) => ({ value: u.unitCode, label: `${u.unitName} (${u.unitCode})` })),
            )}
          />
        </Form.Item>
        <Form.Item label="Điều chỉnh" name="kind">
          <Radio.Group
            options={[
              { value: 'total', label: 'Cộng/trừ điểm tổng' },
              { value: 'criterion', label: 'Điểm một tiêu chí' },
            ]}
          />
        </Form.Item>
        {kind === 'criterion' ? (
          <>
            <Form.Item
              label="Mã tiêu chí"
              name="criterionCode"
              extra="Ví dụ: 1.2.1 (tiêu chí không có tiêu chí con)."
              rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập mã tiêu chí.' }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="notApplicable" valuePropName="checked">
              <Checkbox>Tiêu chí không áp dụng với đơn vị</Checkbox>
            </Form.Item>
            {!notApplicable && (
              <Form.Item
                label="Điểm cuối cùng của tiêu chí"
                name="score"
                rules={[{ required: true, message: 'Vui lòng nhập điểm.' }]}
              >
                <InputNumber min={0} step={0.25} decimalSeparator="," className="full-width" />
              </Form.Item>
            )}
          </>
        ) : (
          <Form.Item
            label="Số điểm cộng (số âm để trừ)"
            name="points"
            rules={[{ required: true, message: 'Vui lòng nhập số điểm.' }]}
          >
            <InputNumber step={0.25} decimalSeparator="," className="full-width" />
          </Form.Item>
        )}
        <Form.Item
          label="Lý do (kết luận của Hội đồng)"
          name="reason"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập lý do điều chỉnh.' }]}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
