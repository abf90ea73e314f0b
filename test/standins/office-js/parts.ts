// Custom XML parts and custom document properties of the stand-in.
import { ClientResult, type StandInContext, StandInObject, StandInPart, StandInCollection } from './context';
import { type CustomXmlPartRecord, standInError } from './model';

function namespaceOf(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*(\s[^>]*)?>/.exec(
    xml.replace(/<\?[^>]*\?>/g, '').replace(/<!--[\s\S]*?-->/g, ''),
  );
  if (!root) throw standInError('InvalidArgument', 'The XML is not well formed.');
  const prefix = root[1]?.slice(0, -1);
  const attr = prefix ? `xmlns:${prefix}` : 'xmlns';
  const m = new RegExp(`\\s${attr}="([^"]*)"`).exec(root[2] ?? '');
  return m ? m[1] : '';
}

export class CustomXmlPartProxy extends StandInObject {
  constructor(
    context: StandInContext,
    private readonly find: () => CustomXmlPartRecord | undefined,
    orNull = false,
  ) {
    super(context, orNull);
  }
  protected exists() {
    return !!this.find();
  }
  protected scalars() {
    return { id: () => this.find()?.id, namespaceUri: () => this.find()?.namespaceUri };
  }
  fill(): void {
    const s = this.scalars();
    this.loaded.set('id', s.id());
    this.loaded.set('namespaceUri', s.namespaceUri());
    this.nullness = false;
  }
  get id(): string {
    return this.prop('id');
  }
  get namespaceUri(): string {
    return this.prop('namespaceUri');
  }
  getXml(): ClientResult<string> {
    const r = new ClientResult<string>();
    this.queueOp(() => r.set(this.find()!.xml));
    return r;
  }
  setXml(xml: string): void {
    this.queueOp(() => {
      const part = this.find()!;
      part.xml = xml;
      part.namespaceUri = namespaceOf(xml);
    });
  }
  delete(): void {
    this.queueOp(() => {
      const part = this.find();
      this.context.model.customXmlParts = this.context.model.customXmlParts.filter((p) => p !== part);
    });
  }
}

class PartList extends StandInCollection<CustomXmlPartProxy> {
  constructor(
    context: StandInContext,
    protected readonly filter: (p: CustomXmlPartRecord) => boolean,
  ) {
    super(context);
  }
  protected itemsAtSync(): CustomXmlPartProxy[] {
    return this.context.model.customXmlParts.filter(this.filter).map((p) => {
      const proxy = new CustomXmlPartProxy(this.context, () => p);
      proxy.fill();
      return proxy;
    });
  }
  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.context.enqueue(() => r.set(this.context.model.customXmlParts.filter(this.filter).length));
    return r;
  }
  getItem(id: string): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.context, () =>
      this.context.model.customXmlParts.find((p) => p.id === id && this.filter(p)),
    );
  }
  getItemOrNullObject(id: string): CustomXmlPartProxy {
    return new CustomXmlPartProxy(
      this.context,
      () => this.context.model.customXmlParts.find((p) => p.id === id && this.filter(p)),
      true,
    );
  }
}

export class CustomXmlPartScopedCollectionProxy extends PartList {
  getOnlyItem(): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.context, () => this.only());
  }
  getOnlyItemOrNullObject(): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.context, () => this.only(), true);
  }
  private only(): CustomXmlPartRecord | undefined {
    const found = this.context.model.customXmlParts.filter(this.filter);
    if (found.length > 1)
      throw standInError('InvalidOperation', 'More than one custom XML part has this namespace.');
    return found[0];
  }
}

export class CustomXmlPartCollectionProxy extends PartList {
  constructor(context: StandInContext) {
    super(context, () => true);
  }
  add(xml: string): CustomXmlPartProxy {
    let record: CustomXmlPartRecord | undefined;
    this.context.enqueue(() => {
      record = { id: this.context.model.newId('xml'), xml, namespaceUri: namespaceOf(xml) };
      this.context.model.customXmlParts.push(record);
    });
    return new CustomXmlPartProxy(this.context, () => record);
  }
  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollectionProxy {
    return new CustomXmlPartScopedCollectionProxy(this.context, (p) => p.namespaceUri === namespaceUri);
  }
}

export class DocumentPropertiesProxy extends StandInPart {
  readonly custom: CustomPropertyCollectionProxy;
  constructor(context: StandInContext) {
    super(context);
    this.custom = new CustomPropertyCollectionProxy(context);
  }
  protected override scalars() {
    return { title: () => '', author: () => '' };
  }
}

function typeOf(value: unknown): string {
  if (typeof value === 'number') return 'Number';
  if (typeof value === 'boolean') return 'Boolean';
  if (value instanceof Date) return 'Date';
  return 'String';
}

export class CustomPropertyProxy extends StandInObject {
  constructor(
    context: StandInContext,
    private readonly key: string,
    orNull = false,
  ) {
    super(context, orNull);
  }
  private record() {
    return [...this.context.model.customProperties].find(([k]) => k.toLowerCase() === this.key.toLowerCase());
  }
  protected exists() {
    return !!this.record();
  }
  protected scalars() {
    return {
      key: () => this.record()?.[0],
      value: () => this.record()?.[1].value,
      type: () => this.record()?.[1].type,
    };
  }
  fill(): void {
    const s = this.scalars();
    for (const k of ['key', 'value', 'type'] as const) this.loaded.set(k, s[k]());
    this.nullness = false;
  }
  get value(): unknown {
    return this.prop('value');
  }
  set value(v: unknown) {
    this.queueOp(() =>
      this.context.model.customProperties.set(this.record()![0], { value: v, type: typeOf(v) }),
    );
  }
  get type(): string {
    return this.prop('type');
  }
  delete(): void {
    this.queueOp(() => this.context.model.customProperties.delete(this.record()![0]));
  }
}

export class CustomPropertyCollectionProxy extends StandInCollection<CustomPropertyProxy> {
  protected itemsAtSync(): CustomPropertyProxy[] {
    return [...this.context.model.customProperties.keys()].map((k) => {
      const p = new CustomPropertyProxy(this.context, k);
      p.fill();
      return p;
    });
  }
  add(key: string, value: unknown): CustomPropertyProxy {
    this.context.enqueue(() => {
      if (key.length > 255)
        throw standInError('InvalidArgument', 'A custom property key is at most 255 characters.');
      if (typeof value === 'string' && value.length > 255)
        throw standInError('InvalidArgument', 'A custom property value is at most 255 characters.');
      const existing = [...this.context.model.customProperties.keys()].find(
        (k) => k.toLowerCase() === key.toLowerCase(),
      );
      if (existing) this.context.model.customProperties.delete(existing);
      this.context.model.customProperties.set(key, { value, type: typeOf(value) });
    });
    return new CustomPropertyProxy(this.context, key);
  }
  getItem(key: string): CustomPropertyProxy {
    return new CustomPropertyProxy(this.context, key);
  }
  getItemOrNullObject(key: string): CustomPropertyProxy {
    return new CustomPropertyProxy(this.context, key, true);
  }
  deleteAll(): void {
    this.context.enqueue(() => this.context.model.customProperties.clear());
  }
}
