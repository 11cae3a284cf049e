import { useState } from 'react';
import { api } from '../api';
import { ErrorBox, Field, Section, useLoad } from '../components/common';
import { WorkflowDiagram } from '../components/diagram';
import type { AwardForm } from '../types';

/** Each form's workflow diagram, drawn from its machine. */
export function DashboardPage() {
  const forms = useLoad(() => api.get<{ items: AwardForm[] }>('/api/award-forms'), []);
  const [formCode, setFormCode] = useState('');
  const chosen = formCode || forms.data?.items[0]?.code || '';
  return (
    <>
      <h1>Thống kê và quy trình</h1>
      <Section title="Sơ đồ quy trình theo hình thức" id="diagrams">
        <ErrorBox error={forms.error} />
        <Field label="Hình thức khen thưởng" id="diagram-form">
          <select id="diagram-form" value={chosen} onChange={(event) => setFormCode(event.target.value)}>
            {forms.data?.items.map((form) => (
              <option key={form.code} value={form.code}>
                {form.name}
              </option>
            ))}
          </select>
        </Field>
        {chosen && <WorkflowDiagram formCode={chosen} />}
      </Section>
    </>
  );
}
