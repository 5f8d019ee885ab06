import { Injector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { loadResource } from './load-resource.util';

describe(loadResource.name, () => {
  it('loads at the start and again when the key changes, not when other signals read by the load change', async () => {
    const id = signal('d1');
    const other = signal(0);
    const loads: string[] = [];
    runInInjectionContext(TestBed.inject(Injector), () =>
      loadResource(id, (key) => {
        other();
        loads.push(key);
      }),
    );
    TestBed.tick();

    other.set(1);
    TestBed.tick();
    id.set('d2');
    TestBed.tick();

    expect(loads).toEqual(['d1', 'd2']);
  });
});
