import { useEffect, useRef, useState } from 'react';
import { api, errorOf, type ApiError } from '../api';
import { ErrorBox, Loading } from './common';

/**
 * The form's machine as the API draws it (`/api/award-forms/:code/diagram?format=svg`, generated from the machine),
 * with the box of `state` highlighted: each box carries its state path as its second line of text.
 */
export function WorkflowDiagram({ formCode, state }: { formCode: string; state?: string | null }) {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    api
      .get<string>(`/api/award-forms/${encodeURIComponent(formCode)}/diagram`, { format: 'svg' })
      .then((text) => {
        if (cancelled || !host.current) return;
        const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
        const svg = parsed.documentElement;
        if (svg.nodeName !== 'svg') throw new Error('Sơ đồ quy trình không đọc được');
        const width = svg.getAttribute('width');
        const height = svg.getAttribute('height');
        if (width && height && !svg.getAttribute('viewBox')) svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
        svg.removeAttribute('width');
        svg.removeAttribute('height');
        svg.setAttribute('role', 'img');
        svg.setAttribute('aria-label', state ? `Sơ đồ quy trình, bước hiện tại ${state}` : 'Sơ đồ quy trình');
        if (state) highlight(svg, state);
        host.current.replaceChildren(document.importNode(svg, true));
        setError(null);
      })
      .catch((caught) => !cancelled && setError(errorOf(caught)))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [formCode, state]);

  return (
    <figure className="diagram">
      {loading && <Loading what="sơ đồ quy trình" />}
      <ErrorBox error={error} />
      <div ref={host} className="diagram-canvas" />
      {state && (
        <figcaption className="muted">
          <span className="legend-current" aria-hidden="true" /> Bước hiện tại của hồ sơ
        </figcaption>
      )}
    </figure>
  );
}

function highlight(svg: Element, state: string) {
  for (const text of Array.from(svg.querySelectorAll('text'))) {
    if (text.textContent !== state) continue;
    let box = text.previousElementSibling;
    while (box && box.nodeName !== 'rect') box = box.previousElementSibling;
    if (!box) continue;
    box.setAttribute('fill', '#fde68a');
    box.setAttribute('stroke', '#b45309');
    box.setAttribute('stroke-width', '4');
    box.setAttribute('data-current', 'true');
  }
}
