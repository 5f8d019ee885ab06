import { focusFirstInvalid } from './focus-first-invalid.util';

describe(focusFirstInvalid.name, () => {
  function page(html: string): HTMLElement {
    const root = document.createElement('div');
    root.innerHTML = html;
    document.body.append(root);
    return root;
  }

  const scrollIntoView = Element.prototype.scrollIntoView;

  afterEach(() => {
    document.body.innerHTML = '';
    Element.prototype.scrollIntoView = scrollIntoView;
  });

  it('focuses the first invalid field in page order, skipping the invalid form and groups around it', () => {
    const root = page(`
      <form class="ng-invalid">
        <input id="title" class="ng-valid" />
        <div formgroupname="quotas" class="ng-invalid">
          <input id="quota" class="ng-invalid" />
        </div>
        <input id="end" class="ng-invalid" />
      </form>`);
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };

    const sut = focusFirstInvalid(root);

    expect(sut?.id).toBe('quota');
    expect(document.activeElement?.id).toBe('quota');
    expect(scrolled.map((e) => e.id)).toEqual(['quota']);
  });

  it('passes the focus to the first focusable element of a control that cannot take it (a radio group)', () => {
    const root = page(`
      <div class="ng-invalid" formcontrolname="format" role="radiogroup">
        <label><input id="online" type="radio" /> Online</label>
        <label><input id="in-person" type="radio" /> In person</label>
      </div>`);

    focusFirstInvalid(root);

    expect(document.activeElement?.id).toBe('online');
  });

  it('does nothing when every field is valid', () => {
    const root = page('<form class="ng-valid"><input class="ng-valid" /></form>');
    const before = document.activeElement;

    expect(focusFirstInvalid(root)).toBeNull();
    expect(document.activeElement).toBe(before);
  });
});
