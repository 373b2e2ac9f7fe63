import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Who is signed in (GET /api/auth/me): their role and rights decide which pages the dashboard shows. */
export interface SignedIn {
  name: string;
  role: string;
  rights: string[];
  /** false when the server has no users (loopback only): nothing to sign out of */
  signedIn: boolean;
}

const trust = { 'X-Asterism-Request': '1', accept: 'application/json' } as const;

async function me(): Promise<SignedIn | null> {
  const res = await fetch('/api/auth/me', { headers: trust });
  if (res.status === 401) return null;
  const body = (await res.json()) as { user: { name: string; role: string; rights?: string[] }; via: string };
  return { name: body.user.name, role: body.user.role, rights: body.user.rights ?? [], signedIn: body.via === 'session' };
}

/** The login page until a session exists (issue 20); then the dashboard, told who is signed in. */
export function AuthGate({ children }: { children: (user: SignedIn, signOut: () => void) => ReactNode }) {
  const [user, setUser] = useState<SignedIn | null | undefined>(undefined);
  useEffect(() => { void me().then(setUser).catch(() => setUser(null)); }, []);
  const signOut = () => {
    void fetch('/api/auth/logout', { method: 'POST', headers: trust }).then(() => window.location.reload());
  };
  if (user === undefined) return null;
  if (user === null) return <LoginPage onSignedIn={() => void me().then(setUser)} />;
  return <>{children(user, signOut)}</>;
}

function LoginPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await fetch('/api/auth/login', { method: 'POST', headers: { ...trust, 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
    if (res.ok) return onSignedIn();
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    setError(t('auth.failed', { message: body?.error?.message ?? res.status }));
  };
  return (
    <main className="login">
      <h1>{t('app.title')}</h1>
      <form onSubmit={(e) => void submit(e)}>
        <h2>{t('auth.title')}</h2>
        <label>{t('auth.name')} <input name="name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required /></label>
        <label>{t('auth.password')} <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required /></label>
        <button type="submit">{t('auth.signIn')}</button>
        {error && <p role="alert" className="error">{error}</p>}
      </form>
    </main>
  );
}
