import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DoorStaffComponent } from './door-staff.component';

describe(DoorStaffComponent.name, () => {
  it('shows the door accounts, ticks the assigned ones and saves the whole list', async () => {
    TestBed.configureTestingModule({
      imports: [DoorStaffComponent],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DoorStaffComponent);
    fixture.componentRef.setInput('dialogueId', 'd1');
    await fixture.whenStable();
    const settle = async () => {
      await new Promise((r) => setTimeout(r));
      await fixture.whenStable();
    };
    const users = http.expectOne((r) => r.url === '/api/v1/users');
    expect(users.request.params.get('role')).toBe('door');
    users.flush({
      items: [
        { id: 'u1', name: 'Ana Door', email: 'ana@example.org', role: 'door', active: true },
        { id: 'u2', name: 'Ben Door', email: 'ben@example.org', role: 'door', active: true },
      ],
      total: 2,
      page: 1,
      pageSize: 2,
    });
    http
      .expectOne('/api/v1/dialogues/d1/door-staff')
      .flush({ dialogueId: 'd1', users: [{ id: 'u1', name: 'Ana Door', email: 'ana@example.org', active: true }] });
    await settle();
    const sut = fixture.nativeElement as HTMLElement;
    const boxes = [...sut.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => b.checked)).toEqual([true, false]);
    boxes[1].click();
    await settle();
    sut.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    const put = http.expectOne('/api/v1/dialogues/d1/door-staff');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ userIds: ['u1', 'u2'] });
    put.flush({ dialogueId: 'd1', users: [] });
    await settle();
    expect(sut.querySelector('[data-testid="door-staff-status"]')?.textContent).toContain('Door staff saved.');
    http.verify();
    fixture.destroy();
  });
});
