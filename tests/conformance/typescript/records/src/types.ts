export interface Profile {
  id: string;
  email: string;
  phoneNumber: string;
  theme: 'light' | 'dark';
}

export interface Preferences {
  theme: 'light' | 'dark';
  newsletter: boolean;
}
