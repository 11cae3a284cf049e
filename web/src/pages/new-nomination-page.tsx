import { useState, type FormEvent } from 'react';
import { api, errorOf, type ApiError } from '../api';
import { ErrorBox, Field, Loading, Section, useLoad } from '../components/common';
import { CATEGORY_LABELS, NOMINEE_KIND_LABELS, formatDate, vietnamToday } from '../labels';
import { useRouter } from '../router';
import type { Eligibility, FormEligibility, NominationView, Page, RegistryEntry } from '../types';

const CATEGORIES_BY_KIND: Record<string, string[]> = {
  individual: ['civil-servant', 'worker-farmer', 'entrepreneur'],
  collective: ['village', 'cooperative', 'enterprise', 'agency'],
  household: [],
};

interface NomineeForm {
  kind: 'individual' | 'collective' | 'household';
  fullName: string;
  name: string;
  category: string;
  position: string;
  unitName: string;
  dateOfBirth: string;
  taxCode: string;
  address: string;
  householdHead: string;
}

const EMPTY_NOMINEE: NomineeForm = { kind: 'individual', fullName: '', name: '', category: '', position: '', unitName: '', dateOfBirth: '', taxCode: '', address: '', householdHead: '' };

/** What the registry API accepts for a new entry: only the fields this kind has, empty ones left out. */
function nomineeBody(form: NomineeForm): Record<string, string> {
  const keys = form.kind === 'individual' ? ['fullName', 'category', 'position', 'unitName', 'dateOfBirth'] : form.kind === 'collective' ? ['name', 'category', 'taxCode', 'address'] : ['name', 'householdHead', 'address'];
  const body: Record<string, string> = { kind: form.kind };
  for (const key of keys) {
    const value = form[key as keyof NomineeForm].trim();
    if (value) body[key] = value;
  }
  return body;
}

/**
 * A unit drafts a nomination: the nominee (from its registry, or entered now), then only the forms the nominee may
 * get this year by the eligibility endpoint, with the criterion claimed, then the achievements. Documents are added
 * on the dossier page that follows.
 */
export function NewNominationPage() {
  const { navigate } = useRouter();
  const [query, setQuery] = useState('');
  const [nominee, setNominee] = useState<RegistryEntry | null>(null);
  const [creating, setCreating] = useState(false);
  const [draftNominee, setDraftNominee] = useState<NomineeForm>(EMPTY_NOMINEE);
  const [nomineeError, setNomineeError] = useState<ApiError | null>(null);
  const [year, setYear] = useState(Number(vietnamToday().slice(0, 4)));
  const [formCode, setFormCode] = useState('');
  const [criterion, setCriterion] = useState('');
  const [achievements, setAchievements] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const registry = useLoad(() => api.get<Page<RegistryEntry>>('/api/nominees', { q: query.trim() || undefined, pageSize: 50 }), [query]);
  const eligibility = useLoad(async () => (nominee ? api.get<Eligibility>(`/api/nominees/${nominee.id}/eligibility`, { year }) : null), [nominee?.id, year]);

  const eligibleForms = eligibility.data?.forms.filter((form) => form.eligible) ?? [];
  const otherForms = eligibility.data?.forms.filter((form) => !form.eligible) ?? [];
  const chosen = eligibleForms.find((form) => form.formCode === formCode) ?? null;
  const alternatives = chosen ? chosen.alternatives.filter((alternative) => alternative.applies && alternative.met) : [];

  function chooseNominee(entry: RegistryEntry) {
    setNominee(entry);
    setFormCode('');
    setCriterion('');
    setCreating(false);
  }

  async function createNominee(event: FormEvent) {
    event.preventDefault();
    setNomineeError(null);
    try {
      const created = await api.post<RegistryEntry>('/api/nominees', nomineeBody(draftNominee));
      chooseNominee(created);
      void registry.reload();
    } catch (caught) {
      setNomineeError(errorOf(caught));
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!nominee || !chosen) return;
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { formCode: chosen.formCode, nomineeId: nominee.id, awardYear: year };
      const claimed = criterion || (alternatives.length === 1 ? alternatives[0].code : '');
      if (claimed) body.criterion = claimed;
      if (achievements.trim()) body.achievements = achievements.trim();
      const created = await api.post<NominationView>('/api/nominations', body);
      navigate(`/ho-so/${created.id}`);
    } catch (caught) {
      setError(errorOf(caught));
    } finally {
      setBusy(false);
    }
  }

  const set = (key: keyof NomineeForm) => (event: { target: { value: string } }) => setDraftNominee({ ...draftNominee, [key]: event.target.value });
  return (
    <>
      <h1>Lập hồ sơ đề nghị khen thưởng</h1>
      <Section title="1. Đối tượng đề nghị" id="step-nominee">
        {nominee ? (
          <div className="chosen">
            <p>
              <strong>{nominee.fullName ?? nominee.name}</strong> — {NOMINEE_KIND_LABELS[nominee.kind]}
              {nominee.position ? `, ${nominee.position}` : ''}
              {nominee.unitName ? `, ${nominee.unitName}` : ''}
              {nominee.dateOfBirth ? `, sinh ngày ${formatDate(nominee.dateOfBirth)}` : ''}
            </p>
            <button type="button" className="button-quiet" onClick={() => setNominee(null)}>
              Chọn đối tượng khác
            </button>
          </div>
        ) : (
          <>
            <Field label="Tìm trong danh sách đối tượng của đơn vị" id="nominee-search">
              <input id="nominee-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Họ tên hoặc tên tập thể" />
            </Field>
            <ErrorBox error={registry.error} />
            {registry.loading && !registry.data && <Loading what="danh sách đối tượng" />}
            <ul className="choices">
              {registry.data?.items.map((entry) => (
                <li key={entry.id}>
                  <button type="button" className="choice" onClick={() => chooseNominee(entry)}>
                    <strong>{entry.fullName ?? entry.name}</strong>
                    <span className="muted">
                      {NOMINEE_KIND_LABELS[entry.kind]}
                      {entry.position ? ` · ${entry.position}` : ''}
                      {entry.organizationName ? ` · ${entry.organizationName}` : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {registry.data?.items.length === 0 && <p className="muted">Không có đối tượng phù hợp.</p>}
            {!creating ? (
              <button type="button" className="button-quiet" onClick={() => setCreating(true)}>
                + Thêm đối tượng mới
              </button>
            ) : (
              <form className="subform" onSubmit={createNominee} aria-label="Thêm đối tượng mới">
                <ErrorBox error={nomineeError} />
                <fieldset>
                  <legend>Loại đối tượng</legend>
                  {(['individual', 'collective', 'household'] as const).map((kind) => (
                    <label key={kind} className="inline">
                      <input type="radio" name="kind" value={kind} checked={draftNominee.kind === kind} onChange={() => setDraftNominee({ ...draftNominee, kind, category: '' })} /> {NOMINEE_KIND_LABELS[kind]}
                    </label>
                  ))}
                </fieldset>
                {draftNominee.kind === 'individual' ? (
                  <>
                    <Field label="Họ và tên" id="nominee-fullName" problems={nomineeError?.problemsOf('fullName')}>
                      <input id="nominee-fullName" required value={draftNominee.fullName} onChange={set('fullName')} />
                    </Field>
                    <Field label="Ngày sinh" id="nominee-dateOfBirth" problems={nomineeError?.problemsOf('dateOfBirth')}>
                      <input id="nominee-dateOfBirth" type="date" value={draftNominee.dateOfBirth} onChange={set('dateOfBirth')} />
                    </Field>
                    <Field label="Chức vụ" id="nominee-position" problems={nomineeError?.problemsOf('position')}>
                      <input id="nominee-position" value={draftNominee.position} onChange={set('position')} />
                    </Field>
                    <Field label="Đơn vị công tác" id="nominee-unitName" problems={nomineeError?.problemsOf('unitName')}>
                      <input id="nominee-unitName" value={draftNominee.unitName} onChange={set('unitName')} />
                    </Field>
                  </>
                ) : (
                  <Field label={draftNominee.kind === 'household' ? 'Tên hộ gia đình' : 'Tên tập thể'} id="nominee-name" problems={nomineeError?.problemsOf('name')}>
                    <input id="nominee-name" required value={draftNominee.name} onChange={set('name')} />
                  </Field>
                )}
                {draftNominee.kind === 'household' && (
                  <Field label="Chủ hộ" id="nominee-householdHead" problems={nomineeError?.problemsOf('householdHead')}>
                    <input id="nominee-householdHead" value={draftNominee.householdHead} onChange={set('householdHead')} />
                  </Field>
                )}
                {CATEGORIES_BY_KIND[draftNominee.kind].length > 0 && (
                  <Field label="Nhóm đối tượng" id="nominee-category" problems={nomineeError?.problemsOf('category')}>
                    <select id="nominee-category" value={draftNominee.category} onChange={set('category')}>
                      <option value="">— Chọn —</option>
                      {CATEGORIES_BY_KIND[draftNominee.kind].map((category) => (
                        <option key={category} value={category}>
                          {CATEGORY_LABELS[category]}
                        </option>
                      ))}
                    </select>
                  </Field>
                )}
                {draftNominee.kind === 'collective' && draftNominee.category === 'enterprise' && (
                  <Field label="Mã số thuế" id="nominee-taxCode" problems={nomineeError?.problemsOf('taxCode')}>
                    <input id="nominee-taxCode" inputMode="numeric" value={draftNominee.taxCode} onChange={set('taxCode')} />
                  </Field>
                )}
                {draftNominee.kind !== 'individual' && (
                  <Field label="Địa chỉ" id="nominee-address" problems={nomineeError?.problemsOf('address')}>
                    <input id="nominee-address" value={draftNominee.address} onChange={set('address')} />
                  </Field>
                )}
                <div className="actions">
                  <button type="submit" className="button-primary">
                    Lưu đối tượng
                  </button>
                  <button type="button" className="button-quiet" onClick={() => setCreating(false)}>
                    Thôi
                  </button>
                </div>
              </form>
            )}
          </>
        )}
      </Section>

      {nominee && (
        <form onSubmit={submit} aria-label="Thông tin hồ sơ">
          <Section title="2. Hình thức khen thưởng" id="step-form">
            <Field label="Năm xét khen thưởng" id="award-year" problems={error?.problemsOf('awardYear')}>
              <input id="award-year" type="number" min={2000} max={2100} value={year} onChange={(event) => setYear(Number(event.target.value))} />
            </Field>
            <ErrorBox error={eligibility.error} />
            {eligibility.loading && <Loading what="điều kiện khen thưởng" />}
            {eligibility.data && eligibleForms.length === 0 && <p className="muted">Đối tượng này chưa đủ điều kiện cho hình thức nào trong năm {year}.</p>}
            {eligibleForms.length > 0 && (
              <fieldset>
                <legend>Hình thức đối tượng đủ điều kiện đề nghị</legend>
                {eligibleForms.map((form) => (
                  <label key={form.formCode} className="radio-card">
                    <input
                      type="radio"
                      name="formCode"
                      value={form.formCode}
                      checked={formCode === form.formCode}
                      onChange={() => {
                        setFormCode(form.formCode);
                        setCriterion('');
                      }}
                    />
                    <span>
                      <strong>{form.formName}</strong>
                      {form.eligibleOnRecord === false && <small className="muted"> (cơ quan thẩm định xác minh thêm phần tự kê khai)</small>}
                    </span>
                  </label>
                ))}
              </fieldset>
            )}
            {alternatives.length > 1 && (
              <fieldset>
                <legend>Tiêu chuẩn đề nghị xét</legend>
                {alternatives.map((alternative) => (
                  <label key={alternative.code} className="radio-card">
                    <input type="radio" name="criterion" value={alternative.code} checked={criterion === alternative.code} onChange={() => setCriterion(alternative.code)} required />
                    <span>
                      <strong>{alternative.name}</strong>
                      <small className="muted">{alternative.legalBasis}</small>
                    </span>
                  </label>
                ))}
              </fieldset>
            )}
            {chosen && alternatives.length === 1 && (
              <p className="muted">
                Tiêu chuẩn: {alternatives[0].name} ({alternatives[0].legalBasis})
              </p>
            )}
            {chosen && alternatives.flatMap((alternative) => alternative.declarations).length > 0 && (
              <div className="note">
                <strong>Nội dung tự kê khai, cơ quan thẩm định xác minh:</strong>
                <ul>
                  {[...new Set(alternatives.flatMap((alternative) => alternative.declarations))].map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              </div>
            )}
            {otherForms.length > 0 && <IneligibleForms forms={otherForms} />}
          </Section>
          {chosen && (
            <Section title="3. Thành tích" id="step-achievements">
              <Field label="Tóm tắt thành tích" id="achievements" problems={error?.problemsOf('achievements')} hint="Có thể sửa tiếp khi hồ sơ còn ở trạng thái đang soạn.">
                <textarea id="achievements" rows={5} value={achievements} onChange={(event) => setAchievements(event.target.value)} />
              </Field>
              <ErrorBox error={error} title="Chưa lập được hồ sơ" />
              <button type="submit" className="button-primary" disabled={busy}>
                {busy ? 'Đang lập hồ sơ…' : 'Lập hồ sơ (nháp)'}
              </button>
            </Section>
          )}
        </form>
      )}
    </>
  );
}

function IneligibleForms({ forms }: { forms: FormEligibility[] }) {
  return (
    <details className="ineligible">
      <summary>Hình thức chưa đủ điều kiện ({forms.length}) và lý do</summary>
      <ul>
        {forms.map((form) => {
          const reasons = [...form.refusals, ...form.alternatives.filter((alternative) => alternative.applies).flatMap((alternative) => alternative.failures)];
          return (
            <li key={form.formCode}>
              <strong>{form.formName}</strong>
              {reasons.length > 0 && <span className="muted">: {[...new Set(reasons.map((reason) => reason.message))].join('; ')}</span>}
              {reasons.length === 0 && <span className="muted">: không áp dụng cho đối tượng này</span>}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
