#!/usr/bin/env python3
"""Regenerates Case.java, SubSource.java, CaseChain.java and SubSourceChain.java from the
chain methods declared in Block.Impl (Block.java), so that case bodies always expose the whole
Block chain API (minus execute). Run from the repository root after changing Block.Impl, then
run spotless:apply. ChainMirrorTest fails when the files are out of date."""
import re
import sys

ROOT = 'deimos/src/main/java/dev/deimos/'


def impl_body(src):
    start = src.index('  interface Impl extends Block {')
    depth = 0
    i = src.index('{', start)
    for j in range(i, len(src)):
        if src[j] == '{':
            depth += 1
        elif src[j] == '}':
            depth -= 1
            if depth == 0:
                return src[i + 1:j]
    raise SystemExit('unbalanced Block.Impl')


def split_params(params):
    out, depth, cur = [], 0, ''
    for ch in params:
        if ch == '<':
            depth += 1
        elif ch == '>':
            depth -= 1
        if ch == ',' and depth == 0:
            out.append(cur.strip())
            cur = ''
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def methods(body):
    """Yields (generics, ret, name, [(type, name)]) for each abstract method of Block.Impl."""
    body = re.sub(r'/\*\*.*?\*/', '', body, flags=re.S)
    body = re.sub(r'//[^\n]*', '', body)
    for decl in body.split(';'):
        decl = ' '.join(decl.split())
        if not decl:
            continue
        m = re.match(r'^(<.*?>\s+)?(\w+)\s+(\w+)\((.*)\)$', decl)
        if not m:
            raise SystemExit('cannot parse: ' + decl)
        generics, ret, name, params = m.groups()
        if name == 'execute':
            continue
        ps = []
        for p in split_params(params):
            t, n = p.rsplit(' ', 1)
            ps.append((t, n))
        yield (generics or '').strip(), ret, name, ps


API_TYPES = {'AckLevel', 'Agg', 'Block', 'Case', 'CompoundAgg', 'LoopVars', 'Path',
             'SelectOptions', 'SubBatch', 'SubSource'}

IMPORTS = re.compile(r'^import (dev\.deimos\.ops\.\w+|java\.[\w.]+);$', re.M)


def interface_file(kind, imports, ms, create, head_doc, impl_doc):
    out = ['package dev.deimos;', '', 'import dev.deimos.impl.dataflow.%sChain;' % kind]
    out += ['import %s;' % i for i in imports]
    out += ['', head_doc, 'public interface %s {' % kind, '', create, '', impl_doc,
            '  interface Impl extends %s {' % kind]
    for generics, ret, name, ps in ms:
        out.append('    /**')
        out.append('     * Appends what {@link Block.Impl}{@code .%s} with these parameters appends.' % name)
        out.append('     *')
        for t, n in ps:
            out.append('     * @param %s see {@link Block.Impl}' % n)
        out.append('     * @return the body with the node appended')
        out.append('     */')
        g = generics + ' ' if generics else ''
        out.append('    %s%s %s(%s);' % (g, ret, name, ', '.join('%s %s' % p for p in ps)))
        out.append('')
    out[-1] = '  }'
    out.append(TAIL % {'k': kind})
    return '\n'.join(out) + '\n'


TAIL = '''
  /** A body whose last node must bind its output with {@link #out(String...)}. */
  interface Out {
    /**
     * Binds the output of the last node to vars.
     *
     * @param vars var names, each starting with {@code *}
     * @return the body with the output bound
     */
    Impl out(String... vars);
  }

  /** A body whose last node may bind its output with {@code out}. */
  interface OutImpl extends Impl, Out {}

  /** A body whose last node is an operation. */
  interface MultiOutImpl extends OutImpl {
    /**
     * Binds a named output stream of the last node (an operation): each time the operation emits to
     * {@code stream} with {@code OutputCollector.emitStream}, the values are bound to {@code vars}
     * and the code hooked at {@code anchor} runs. Only vars bound before the operation and {@code
     * vars} are visible there. Several streams may be bound; call {@code out} afterwards to bind
     * the default stream.
     *
     * @param stream the stream name the operation emits to
     * @param anchor the anchor name to continue from with {@code hook} (or {@code unify})
     * @param vars the vars bound to the stream's values
     * @return the body, still ending with the operation
     */
    MultiOutImpl outStream(String stream, String anchor, String... vars);
  }
}'''


def chain_file(kind, head_type, imports, ms):
    used = set(re.findall(r'\b[A-Z]\w*', ' '.join(t for m in ms for t, _ in m[3])))
    api = sorted(n for n in used if n in API_TYPES and n not in ('Block', kind))
    out = ['package dev.deimos.impl.dataflow;', '', 'import dev.deimos.Block;']
    out += sorted(['import dev.deimos.%s;' % n for n in api + [kind]])
    out += ['import %s;' % i for i in imports]
    out += ['',
            '/**',
            ' * The builder behind {@link %s}: the case head plus an ordinary chain for its body. Generated'
            % kind,
            ' * by build-tools/gen-chain-mirrors.py from Block.Impl; do not edit by hand.',
            ' */',
            'public final class %sChain implements %s.MultiOutImpl {' % (kind, kind),
            '  private final %s head;' % head_type,
            '  private final Chain chain;',
            '',
            '  private %sChain(%s head, Chain chain) {' % (kind, head_type),
            '    this.head = head;',
            '    this.chain = chain;',
            '  }',
            '',
            '  /**',
            '   * Starts a body with no nodes.',
            '   *',
            '   * @param head the case head',
            '   * @return the new body',
            '   */',
            '  public static %sChain create(%s head) {' % (kind, head_type),
            '    return new %sChain(head, Chain.empty());' % kind,
            '  }',
            '',
            '  %s head() {' % head_type,
            '    return head;',
            '  }',
            '',
            '  Chain chain() {',
            '    return chain;',
            '  }',
            '',
            '  private %sChain with(Object c) {' % kind,
            '    return new %sChain(head, (Chain) c);' % kind,
            '  }',
            '']
    for generics, ret, name, ps in ms:
        g = generics + ' ' if generics else ''
        out.append('  @Override')
        out.append('  public %s%s.%s %s(%s) {' % (g, kind, ret, name,
                                                 ', '.join('%s %s' % p for p in ps)))
        out.append('    return with(chain.%s(%s));' % (name, ', '.join(n for _, n in ps)))
        out.append('  }')
        out.append('')
    out += ['  @Override',
            '  public %s.MultiOutImpl outStream(String stream, String anchor, String... vars) {' % kind,
            '    return with(chain.outStream(stream, anchor, vars));',
            '  }',
            '',
            '  @Override',
            '  public %s.Impl out(String... vars) {' % kind,
            '    return with(chain.out(vars));',
            '  }',
            '}']
    return '\n'.join(out) + '\n'


def main():
    src = open(ROOT + 'Block.java').read()
    imports = sorted(set(IMPORTS.findall(src)))
    ms = list(methods(impl_body(src)))
    case_create = '''  /**
   * Starts a case of {@link Block.Impl#cond(Case...)} that is taken when {@code condition} is
   * truthy (neither null nor false). Append the case body to the returned value.
   *
   * @param condition a var, value or {@link Expr}; conditions are tested in case order, with the
   *     vars bound before the {@code cond}, until one is truthy
   * @return an empty case body
   */
  static Impl create(Object condition) {
    return CaseChain.create(condition);
  }'''
    sub_create = '''  /**
   * Starts a case of {@link Block.Impl#subSource(Object, SubSource...)} taken when the dispatched
   * value is an instance of {@code type}. Append the case body to the returned value.
   *
   * @param type the class to match
   * @return an empty case body
   */
  static Impl create(Class<?> type) {
    return SubSourceChain.create(type);
  }'''
    case_doc = '''/**
 * One case of {@link Block.Impl#cond(Case...)}: a condition and the dataflow code to run when it is
 * the first truthy one. The body is built with the same chain methods as a {@link Block}.
 * (Generated by build-tools/gen-chain-mirrors.py from Block.Impl.)
 */'''
    sub_doc = '''/**
 * One case of {@link Block.Impl#subSource(Object, SubSource...)}: a class and the dataflow code to
 * run when the dispatched value is an instance of it. The body is built with the same chain methods
 * as a {@link Block}. (Generated by build-tools/gen-chain-mirrors.py from Block.Impl.)
 */'''
    impl_doc = '''  /**
   * A %s body that more nodes can be appended to; it has the same chain methods as {@link
   * Block.Impl} (see there for each method) except {@code execute}. Instances are immutable.
   */'''
    files = {
        ROOT + 'Case.java': interface_file('Case', imports, ms, case_create, case_doc,
                                           impl_doc % 'Case'),
        ROOT + 'SubSource.java': interface_file('SubSource', imports, ms, sub_create, sub_doc,
                                                impl_doc % 'SubSource'),
        ROOT + 'impl/dataflow/CaseChain.java': chain_file('Case', 'Object', imports, ms),
        ROOT + 'impl/dataflow/SubSourceChain.java': chain_file('SubSource', 'Class<?>', imports,
                                                               ms),
    }
    for path, text in files.items():
        with open(path, 'w') as f:
            f.write(text)
    print('generated %d chain methods into %d files' % (len(ms), len(files)), file=sys.stderr)


if __name__ == '__main__':
    main()
