/** The sign-in page of the portal's local accounts (a host with SSO signs users in before they get here). */
import { useState, type FormEvent } from 'react';
import type { User } from '../shared/api';
import { api, ApiFailure } from './api';

export function SignIn({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      onSignedIn(await api.signIn(username.trim(), password));
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <main className="page narrow">
      <h1>Đăng nhập</h1>
      <form className="card signin" onSubmit={(e) => void submit(e)}>
        <label>
          Tên đăng nhập
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label>
          Mật khẩu
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error ? (
          <p className="warn" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
        </button>
      </form>
    </main>
  );
}
