// Changes stated with their rate, read from the 情况说明 whatever the section and the subject.
import { describe, expect, it } from 'vitest';
import { readStatedChanges } from '../src/recognise/changes.ts';
import { section } from './rules/build.ts';

const read = (text: string) =>
  readStatedChanges([section('四、支出预算情况说明', 40, text)]).map((c) => [
    c.name,
    c.amount,
    c.change,
    c.direction,
    c.percent,
    c.unit,
  ]);

describe('stated changes with their rate', () => {
  it('rates the total a list that is a sentence of its own breaks down (…为3328万元。其中，…2800万元。同口径比2018年减少…)', () => {
    expect(
      read(
        '“三公”经费预算为3328万元。其中，因公出国（境）费50万元，公务接待费478万元，公务用车购置及运行费2800万元。同口径比2018年减少830万元，下降20%。',
      ),
    ).toEqual([['“三公”经费预算为', '3328', '830', 'decrease', '20', '万元']]);
  });

  it('reads past a share between the level and its change, its whole named or its figure left blank', () => {
    expect(read('商品和服务支出预算75800元，占基本支出预算6.69%，同比增加52044.27元，增长219.08%。')).toEqual(
      [['商品和服务支出预算', '75800', '52044.27', 'increase', '219.08', '元']],
    );
    expect(read('商品和服务支出预算75800元，占基本支出预算%，同比增加52044.27元，增长50.63%。')).toHaveLength(
      1,
    );
  });

  it('reads a second comparison of the same level, against the year’s budget', () => {
    const changes = readStatedChanges([
      section(
        '四、支出预算情况说明',
        40,
        '“三公”经费41万元，较上年减少19万元，下降31.67%，较年初预算数减少4万元，下降8.89%。',
      ),
    ]);
    expect(changes.map((c) => [c.amount, c.change, c.percent, c.against])).toEqual([
      ['41', '19', '31.67', undefined],
      ['41', '4', '8.89', 'budget'],
    ]);
  });

  it('reads amount, change and rate across wrapped lines and thousands separators', () => {
    expect(
      read(
        '收支预算总计 21,955.35\n万元，与上年相比收、支预算总计各增加 3,958.67 万元，增长 21.95         %。增加原因是人员增加。',
      ),
    ).toEqual([['收支预算总计', '21955.35', '3958.67', 'increase', '21.95', '万元']]);
  });

  it('reads each 项 of a list, decreases with 降幅, and amounts in 元', () => {
    expect(
      read(
        '1.检察监督支出1895万元，与上年相比减少134万元，降幅0.66%。2.一般行政管理事务3666万元，比上年增加21.8万元，增长0.06%。3.其他支出500000元，比上年减少100000元，下降16.67%。',
      ),
    ).toEqual([
      ['1.检察监督支出', '1895', '134', 'decrease', '0.66', '万元'],
      ['2.一般行政管理事务', '3666', '21.8', 'increase', '0.06', '万元'],
      ['3.其他支出', '500000', '100000', 'decrease', '16.67', '元'],
    ]);
  });

  it('reads nothing where another amount stands between, the words disagree or no rate is given', () => {
    expect(
      read(
        '基本支出100万元，项目支出50万元，比上年增加5万元，增长11.11%。支出80万元，比上年增加5万元，降幅6%。支出90万元，比上年增加10万元。',
      ),
    ).toEqual([['项目支出', '50', '5', 'increase', '11.11', '万元']]);
  });
});

describe('a change stated after its rate', () => {
  it('reads 同比增长P%，增收C万元 as the change of the amount before', () => {
    expect(read('地方一般公共预算收入（同口径）完成30,161万元，同比增长14.6%，增收4,376万元。')).toEqual([
      ['地方一般公共预算收入（同口径）完成', '30161', '4376', 'increase', '14.6', '万元'],
    ]);
    expect(read('非税收入完成1200万元，同比下降4%，减收50万元。')).toEqual([
      ['非税收入完成', '1200', '50', 'decrease', '4', '万元'],
    ]);
  });
  it('reads nothing where the words disagree', () => {
    expect(read('非税收入完成1200万元，同比下降4%，增收50万元。')).toEqual([]);
  });
  it('reads 增支 and 减支 as the words of a change, in a list after 其中 too', () => {
    expect(
      read(
        '“三公经费”支出4855万元，比上年减支433万元，降低8.19%。其中：公车购置支出470万元，比上年减支1122万元，降低70.48%；公务用车运行维护费支出3758万元，比上年增支816万元，增长27.74%。',
      ),
    ).toEqual([
      ['“三公经费”支出', '4855', '433', 'decrease', '8.19', '万元'],
      ['公车购置支出', '470', '1122', 'decrease', '70.48', '万元'],
      ['公务用车运行维护费支出', '3758', '816', 'increase', '27.74', '万元'],
    ]);
  });
  it('reads a rate in brackets after its change', () => {
    expect(read('公务接待费2.30万元，较上年减少1.5万元（42.86%），减少的主要原因是厉行节约。')).toEqual([
      ['公务接待费', '2.30', '1.5', 'decrease', '42.86', '万元'],
    ]);
  });
});

describe('a change after a list of parts', () => {
  it('rates the total a 其中 list breaks down, not the list’s last part', () => {
    expect(
      read('事业运行经费总预算安排3000元，其中：基本支出1000元，项目支出2000元，同比增加1000元，增长50%。'),
    ).toEqual([['事业运行经费总预算安排', '3000', '1000', 'increase', '50', '元']]);
  });

  it('keeps the part when the list’s parts state their own changes', () => {
    expect(
      read(
        '支出300万元，其中：基本支出100万元，比上年增加10万元，增长11.11%；项目支出200万元，比上年增加20万元，增长11.11%。',
      ),
    ).toEqual([
      ['基本支出', '100', '10', 'increase', '11.11', '万元'],
      ['项目支出', '200', '20', 'increase', '11.11', '万元'],
    ]);
  });
});

describe('a change stated against the year before’s amount', () => {
  it('rates this year’s amount, the one compared with less the decrease (较2024年的2190万元减少221万元)', () => {
    expect(read('“三公”经费预算总额为1969万元，较2024年的2190万元减少221万元，下降10.1%。')).toEqual([
      ['较2024年的', '1969', '221', 'decrease', '10.1', '万元'],
    ]);
  });
});

describe('a change opening the sentence after its level', () => {
  it('is the level’s when the sentence names nothing else, or names what the level is', () => {
    expect(
      read('2024年基本支出300万元，其中人员经费200万元，公用经费100万元。比2023年预算增加60万元，增长25%。'),
    ).toEqual([['2024年基本支出', '300', '60', 'increase', '25', '万元']]);
    expect(read('某院财政拨款收入决算总计120万元。与上年相比增加20万元，增加20%。')).toEqual([
      ['某院财政拨款收入决算总计', '120', '20', 'increase', '20', '万元'],
    ]);
    expect(
      read(
        '“三公”经费预算总额为5万元，其中公务用车运行费3万元，公务接待费2万元。2024年“三公”经费预算数比2023年预算数减少1万元，减幅16.67%。',
      ),
    ).toEqual([['“三公”经费预算总额为', '5', '1', 'decrease', '16.67', '万元']]);
  });
  it('is not when that sentence names another subject, or when two sentences stand between', () => {
    expect(read('公务接待费2万元。公务用车运行费比上年减少1万元，下降20%。')).toEqual([]);
    expect(read('公务接待费2万元。详见附表。比上年减少1万元，下降20%。')).toEqual([]);
  });
});

describe('a change whose word is left out, or with a share before it', () => {
  it('takes the rate’s word when the comparison is named, and reads past a share', () => {
    expect(read('其中：财政拨款收入100万元，占40%，与上年相比10万元，增加11.11%。')).toEqual([
      ['财政拨款收入', '100', '10', 'increase', '11.11', '万元'],
    ]);
  });
  it('does not read the next amount of a list as a change', () => {
    expect(read('基本支出100万元，项目支出10万元，增长11.11%。')).toEqual([]);
  });
});
