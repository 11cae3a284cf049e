import { useState, type FormEvent } from 'react';
import { errorOf, type ApiError } from '../api';
import { useAuth } from '../auth';
import { ErrorBox, Field } from '../components/common';

export function LoginPage() {
  const { signIn } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (caught) {
      setError(errorOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="login">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title">
        <p className="brand-large" aria-hidden="true">
          ★
        </p>
        <h1 id="login-title">Đăng nhập</h1>
        <p className="muted">Hệ thống xử lý hồ sơ đề nghị khen thưởng — thi đua, khen thưởng các cấp.</p>
        <ErrorBox error={error} />
        <Field label="Tên đăng nhập" id="username" problems={error?.problemsOf('username')}>
          <input id="username" name="username" autoComplete="username" required value={username} onChange={(event) => setUsername(event.target.value)} autoFocus />
        </Field>
        <Field label="Mật khẩu" id="password" problems={error?.problemsOf('password')}>
          <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        </Field>
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
        </button>
      </form>
    </main>
  );
}
