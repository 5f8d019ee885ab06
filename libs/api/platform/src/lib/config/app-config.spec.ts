import { AppConfig, validateEnvironment } from './app-config';

describe(AppConfig.name, () => {
  it('applies defaults and converts types', () => {
    const sut = new AppConfig(validateEnvironment({ PORT: '4000', SEED_DEMO: 'false', MAIL_RATE_PER_SECOND: '7' }));
    expect(sut.port).toBe(4000);
    expect(sut.seedDemo).toBe(false);
    expect(sut.mailRatePerSecond).toBe(7);
    expect(sut.publicUrl).toBe('http://localhost:4000');
    expect(sut.queuePrefix).toBe('{gfmd}');
  });

  it('lists every invalid setting at once', () => {
    expect(() => validateEnvironment({ PORT: 'eighty', MAIL_RATE_PER_SECOND: '0', LOG_LEVEL: 'loud' })).toThrow(
      /PORT[\s\S]*MAIL_RATE_PER_SECOND[\s\S]*LOG_LEVEL|PORT[\s\S]*LOG_LEVEL[\s\S]*MAIL_RATE/,
    );
  });

  it('refuses a body limit that is not a size', () => {
    expect(() => validateEnvironment({ BODY_LIMIT: 'one megabyte' })).toThrow(/BODY_LIMIT must be a size/);
    expect(() => validateEnvironment({ BODY_LIMIT: '512kb' })).not.toThrow();
  });

  it('refuses to start in production without the secrets it needs', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET[\s\S]*PUBLIC_URL[\s\S]*SMTP_URL/);
    expect(() =>
      validateEnvironment({
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        PUBLIC_URL: 'https://dialogues.example.org',
        SMTP_URL: 'smtp://relay:587',
      }),
    ).not.toThrow();
  });

  it('never echoes secret values in its errors', () => {
    try {
      validateEnvironment({ JWT_SECRET: 'short-secret-value' });
      fail('expected an error');
    } catch (error) {
      expect(String(error)).not.toContain('short-secret-value');
    }
  });
});
