/**
 * Child process of crash.test.ts: commits a small batch, then writes one large batch that the
 * parent kills (SIGKILL) part-way. Prints "committed", "begin" and, if never killed, "done".
 */
import { openStore } from '../../src/store/index.ts';
import { makeArticle } from './store.cases.ts';

const [path, bigCountArg] = process.argv.slice(2);
const store = openStore(path);
const filler = 'The tide rose over the quay while the cranes stood idle. '.repeat(30);
store.putArticles(Array.from({ length: 10 }, (_, i) => makeArticle(`small-${i}`, `Small batch article ${i}. ${filler}`)));
process.stdout.write('committed\n');
const big = Array.from({ length: Number(bigCountArg) }, (_, i) => makeArticle(`big-${i}`, `Large batch article ${i}. ${filler}`));
process.stdout.write('begin\n');
store.putArticles(big);
process.stdout.write('done\n');
store.close();
