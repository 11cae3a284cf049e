import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, session } from './api';
import type { User } from './types';

interface AuthState {
  user: User | null;
  loading: boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => void;
  has: (role: string) => boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(!!session.token());

  useEffect(() => {
    session.onUnauthorized(() => {
      session.clear();
      setUser(null);
    });
    if (!session.token()) return;
    api
      .get<User>('/api/auth/me')
      .then(setUser)
      .catch(() => session.clear())
      .finally(() => setLoading(false));
  }, []);

  const value: AuthState = {
    user,
    loading,
    async signIn(username, password) {
      const answer = await api.post<{ accessToken: string; user: User }>('/api/auth/login', { username, password });
      session.save(answer.accessToken);
      setUser(answer.user);
    },
    signOut() {
      session.clear();
      setUser(null);
    },
    has: (role) => !!user?.roles.includes(role),
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const context = useContext(AuthContext);
  if (!context) throw new Error('useAuth outside AuthProvider');
  return context;
}
