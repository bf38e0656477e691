export interface Profile {
  id: string;
  email: string;
  dateOfBirth: string;
}

export interface Settings {
  theme: string;
  locale: string;
}
