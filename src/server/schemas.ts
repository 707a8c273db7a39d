// The schema of every route: fastify validates each parameter and body against it before the handler
// runs, and the OpenAPI document (GET /api/openapi.json) is generated from the same schemas. A property's
// description is the Chinese the client sees when it is missing or invalid.
import type { FastifySchema } from 'fastify';

/** Route schemas with the answers the route may give besides 200, for the OpenAPI document only. */
export type RouteSchema = FastifySchema & {
  summary: string;
  consumes?: string[];
  /** Status → description of the error answers. */
  errors?: Record<number, string>;
};

const id = (what: string) => ({
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string', pattern: '^0*[1-9][0-9]{0,19}$', description: `${what}编号，应为正整数` },
  },
});
const documentId = id('文档');
/** A date as YYYY-MM-DD, or null when it is not known. */
const day = (what: string) => ({
  type: ['string', 'null'],
  pattern: '^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
  description: `${what}，格式为 YYYY-MM-DD，未知时为 null`,
});
/** The year and kind a list is filtered by. */
const yearAndKind = {
  year: {
    type: 'string',
    pattern: '^(19[0-9]{2}|20[0-9]{2}|2100)$',
    description: '年度，应为 1900–2100 之间的四位年份',
  },
  kind: {
    type: 'string',
    enum: ['', 'budget', 'performance', 'final'],
    description: '文档类型，应为 budget、performance、final 之一',
  },
};

/** A change needs the session's CSRF token; the server checks it (403), the schema only documents it. */
const csrf = {
  type: 'object',
  properties: {
    'x-csrf-token': { type: 'string', description: '会话的 CSRF 令牌（GET /api/session 给出）' },
  },
};
const changing = { headers: csrf, errors: { 401: '未登录', 403: '无权限或 CSRF 校验失败' } };
const edits = {
  type: 'object',
  properties: {
    edits: {
      type: 'array',
      maxItems: 1000,
      items: { type: 'object' },
      description: '修改列表（每项为一处金额或指标值的修改）',
    },
  },
};

/** The overview's filter, as GET /api/documents and GET /api/overview take it. */
const overviewFilter = {
  q: { type: 'string', maxLength: 200, description: '搜索词（部门名称）' },
  ...yearAndKind,
  history: { type: 'string', enum: ['', '0', '1'], description: '是否包含被替代的旧版本（1 为包含）' },
  state: {
    type: 'string',
    enum: ['', 'pending', 'reviewing', 'returned', 'approved'],
    description:
      '审核状态，应为 pending（待审）、reviewing（审核中）、returned（退回修改）、approved（通过）之一',
  },
};

export const routeSchemas = {
  openApi: { summary: '本接口说明（OpenAPI 3.1，由路由的校验规则生成）' },
  health: { summary: '服务状态' },
  rules: { summary: '规则目录' },
  session: { summary: '当前用户与 CSRF 令牌' },
  login: {
    summary: '登录（设置 HttpOnly 会话 Cookie）',
    body: {
      type: 'object',
      required: ['name', 'password'],
      properties: {
        name: { type: 'string', maxLength: 100, description: '用户名' },
        password: { type: 'string', maxLength: 200, description: '密码' },
      },
    },
    errors: { 401: '用户名或密码错误', 429: '登录失败次数过多，暂时锁定（Retry-After 给出秒数）' },
  },
  logout: { summary: '退出登录', headers: csrf },
  changePassword: {
    summary: '修改自己的密码（该用户的其他会话全部失效）',
    ...changing,
    body: {
      type: 'object',
      required: ['oldPassword', 'newPassword'],
      properties: {
        oldPassword: { type: 'string', maxLength: 200, description: '原密码' },
        newPassword: { type: 'string', minLength: 8, maxLength: 200, description: '新密码，至少 8 位' },
      },
    },
  },
  documents: {
    summary: '总览：各部门各年度的文档及问题数',
    querystring: {
      type: 'object',
      properties: {
        ...overviewFilter,
      },
    },
  },
  overview: {
    summary: '总览的一页：若干部门（连同其下属单位）的文档及问题数，以及可选的年度',
    querystring: {
      type: 'object',
      properties: {
        ...overviewFilter,
        sort: {
          type: 'string',
          enum: ['name', 'errors'],
          description: '排序：name（按名称）或 errors（按错误数）',
        },
        page: { type: 'integer', minimum: 1, maximum: 100000, description: '页码，从 1 开始' },
        pageSize: { type: 'integer', minimum: 1, maximum: 500, description: '每页部门数（默认 50）' },
      },
    },
  },
  upload: {
    summary: '上传并导入文件（multipart/form-data，可多个）',
    consumes: ['multipart/form-data'],
    ...changing,
    errors: { ...changing.errors, 413: '文件过大', 429: '超过每小时上传文件数' },
  },
  document: {
    summary: '一个文档：模型、检查结果与版本信息',
    params: documentId,
    errors: { 404: '没有这个文档' },
  },
  original: { summary: '上传的原始文件（下载）', params: documentId, errors: { 404: '没有这个文档' } },
  export: {
    summary: '导出（csv、json、xlsx 或检查报告 html，下载）',
    params: documentId,
    querystring: {
      type: 'object',
      properties: {
        format: {
          type: 'string',
          enum: ['csv', 'json', 'xlsx', 'html'],
          description: '导出格式：csv、json、xlsx、html',
        },
      },
    },
    errors: { 404: '没有这个文档' },
  },
  render: {
    summary: '按标准格式输出文档（html、pdf、xlsx 或 docx），修改过的版本按修改后的数据输出',
    params: documentId,
    querystring: {
      type: 'object',
      properties: {
        format: {
          type: 'string',
          enum: ['html', 'pdf', 'xlsx', 'docx'],
          description: '格式：html、pdf、xlsx、docx',
        },
      },
    },
    errors: {
      404: '没有这个文档',
      429: 'PDF 生成任务已排满或本客户端已有任务在进行（Retry-After 给出秒数）',
    },
  },
  edit: {
    summary: '修改金额或指标值，保存为新版本（{ edits: [...] }）',
    params: documentId,
    body: edits,
    ...changing,
    errors: { ...changing.errors, 404: '没有这个文档', 409: '文档已被新版本替代' },
  },
  preview: {
    summary: '预览修改：每处的原值 → 新值，以及新增或消除的问题（不保存）',
    params: documentId,
    body: edits,
    ...changing,
    errors: { ...changing.errors, 404: '没有这个文档' },
  },
  findingStatus: {
    summary:
      '核实问题：待核实 new、确认 confirmed、不是问题 dismissed（须说明理由）、已整改 fixed（仅审核、管理员）',
    params: documentId,
    ...changing,
    body: {
      type: 'object',
      required: ['key', 'status'],
      properties: {
        key: {
          type: 'string',
          minLength: 1,
          maxLength: 20000,
          description: '问题的标识（文档中每个问题的 key）',
        },
        status: {
          type: 'string',
          enum: ['new', 'confirmed', 'dismissed', 'fixed'],
          description: '问题状态，应为 new、confirmed、dismissed、fixed 之一',
        },
        reason: { type: 'string', maxLength: 5000, description: '理由（标为不是问题时必填，最长 5000 字）' },
      },
    },
    errors: { ...changing.errors, 404: '没有这个文档或问题', 409: '旧版本或已通过的文档' },
  },
  findingComment: {
    summary: '在问题下留言（审核、管理员，或本部门的填报用户）',
    params: documentId,
    ...changing,
    body: {
      type: 'object',
      required: ['key', 'text'],
      properties: {
        key: {
          type: 'string',
          minLength: 1,
          maxLength: 20000,
          description: '问题的标识（文档中每个问题的 key）',
        },
        text: { type: 'string', maxLength: 5000, description: '留言内容，最长 5000 字' },
      },
    },
    errors: { ...changing.errors, 404: '没有这个文档或问题' },
  },
  review: {
    summary:
      '审核流程：开始审核 start、退回修改 return、通过 approve（仍有未整改问题时须 override 并说明理由）',
    params: documentId,
    ...changing,
    body: {
      type: 'object',
      required: ['action'],
      properties: {
        action: {
          type: 'string',
          enum: ['start', 'return', 'approve'],
          description: '操作，应为 start、return、approve 之一',
        },
        reason: { type: 'string', maxLength: 5000, description: '审核意见或通过理由，最长 5000 字' },
        override: { type: 'boolean', description: '仍有待核实或已确认的问题时仍然通过' },
      },
    },
    errors: { ...changing.errors, 404: '没有这个文档', 409: '当前状态下不能进行此操作' },
  },
  opinion: {
    summary:
      '审核意见书（docx 或 pdf，下载）：列出已确认的问题，按表格或章节分组（审核、管理员，或本部门的填报用户）',
    params: documentId,
    querystring: {
      type: 'object',
      properties: {
        format: { type: 'string', enum: ['docx', 'pdf'], description: '格式：docx、pdf' },
      },
    },
    errors: {
      401: '未登录',
      403: '无权限（填报用户只能下载本部门的审核意见书）',
      404: '没有这个文档',
      429: 'PDF 生成任务已排满或本客户端已有任务在进行（Retry-After 给出秒数）',
    },
  },
  reviewSummary: {
    summary:
      '审核情况汇总（xlsx，下载）：各部门、单位每种文档最新版本的审核状态、各状态与各级别问题数及各环节时间（审核、管理员）',
    querystring: {
      type: 'object',
      properties: {
        ...yearAndKind,
      },
    },
    errors: { 401: '未登录', 403: '无权限' },
  },
  score: {
    summary: '公开评分：按及时性、完整性、真实性、细化程度、公开形式逐项评分，列出每项的依据',
    params: documentId,
    errors: { 404: '没有这个文档' },
  },
  setDates: {
    summary: '录入批复日期和公开日期（用于及时性评分；审核、管理员）',
    params: documentId,
    ...changing,
    body: {
      type: 'object',
      required: ['approvedOn', 'publishedOn'],
      properties: {
        approvedOn: day('批复日期'),
        publishedOn: day('公开日期'),
      },
    },
    errors: { ...changing.errors, 404: '没有这个文档' },
  },
  scores: {
    summary: '公开评分排名：各部门、单位最新版本的得分，由高到低，附失分项',
    querystring: {
      type: 'object',
      properties: {
        ...yearAndKind,
      },
    },
  },
  compare: {
    summary: '比较文档：基本/项目、人员/公用、"三公"及各项、各功能类支出',
    querystring: {
      type: 'object',
      required: ['ids'],
      properties: {
        ids: {
          type: 'string',
          pattern: '^[0-9]{1,10}(,[0-9]{1,10}){0,49}$',
          description: '1–50 个文档编号，如 ids=1,2',
        },
      },
    },
  },
  startImport: {
    summary: '导入任务：上传多个文件，后台逐个导入（202，返回任务编号）',
    consumes: ['multipart/form-data'],
    ...changing,
    errors: { ...changing.errors, 413: '文件过大', 429: '超过每小时上传文件数' },
  },
  imports: { summary: '当前用户的导入任务（最新的在前）', errors: { 401: '未登录' } },
  importJob: {
    summary:
      '导入任务的进度：{ total, done, state, files（每个文件的阶段：waiting/reading 第 page/pages 页/checking/storing/finished）, results }',
    params: {
      type: 'object',
      required: ['id'],
      properties: {
        id: {
          type: 'string',
          pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
          description: '导入任务编号',
        },
      },
    },
    errors: { 401: '未登录', 404: '没有这个导入任务' },
  },
  createUser: {
    summary: '新建用户（仅管理员）',
    ...changing,
    body: {
      type: 'object',
      required: ['name', 'password', 'role'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 100, description: '用户名' },
        password: { type: 'string', minLength: 8, maxLength: 200, description: '密码，至少 8 位' },
        role: {
          type: 'string',
          enum: ['admin', 'reviewer', 'editor'],
          description: '角色：admin、reviewer 或 editor',
        },
        departmentId: {
          type: ['integer', 'null'],
          minimum: 1,
          maximum: 2147483647,
          description: '所属部门编号（填报用户必填）',
        },
      },
    },
    errors: { ...changing.errors, 409: '用户名已存在' },
  },
  users: { summary: '用户列表（仅管理员）', errors: { 401: '未登录', 403: '无权限' } },
  worklist: {
    summary:
      '我的待办：审核、管理员为待审和审核中的文档（未核实错误多的在前）；填报用户为退回修改的文档和等待其答复的问题',
    errors: { 401: '未登录' },
  },
  departments: { summary: '部门列表（编号、名称、代码），供指定填报用户的部门（审核、管理员）' },
  updateUser: {
    summary: '停用/启用用户、重设密码或修改角色与部门（仅管理员；该用户的会话全部失效）',
    params: id('用户'),
    ...changing,
    body: {
      type: 'object',
      properties: {
        disabled: { type: 'boolean', description: '是否停用，应为 true 或 false' },
        password: { type: 'string', minLength: 8, maxLength: 200, description: '新密码，至少 8 位' },
        role: {
          type: 'string',
          enum: ['admin', 'reviewer', 'editor'],
          description: '角色：admin、reviewer 或 editor',
        },
        departmentId: {
          type: ['integer', 'null'],
          minimum: 1,
          maximum: 2147483647,
          description: '所属部门编号（填报用户必填）',
        },
      },
    },
    errors: { ...changing.errors, 404: '没有这个用户' },
  },
  audit: { summary: '审计日志（仅管理员，最新 500 条）', errors: { 401: '未登录', 403: '无权限' } },
} satisfies Record<string, RouteSchema>;

const places: Record<string, string> = {
  params: '路径参数',
  querystring: '查询参数',
  body: '请求内容',
  headers: '请求头',
};

/**
 * A validation failure in Chinese, from the description of the property that failed: "查询参数 year 无效：
 * 年度，应为 1900–2100 之间的四位年份".
 */
export function validationMessage(
  schema: FastifySchema | undefined,
  context: string | undefined,
  failure: { instancePath: string; keyword: string; params: Record<string, unknown> } | undefined,
): string {
  const place = places[context ?? ''] ?? '请求';
  if (!failure) return `${place}无效`;
  const part = (
    schema as Record<string, { properties?: Record<string, { description?: string }> }> | undefined
  )?.[context ?? ''];
  if (failure.keyword === 'required') {
    const name = String(failure.params.missingProperty ?? '');
    const description = part?.properties?.[name]?.description;
    return `缺少${place} ${name}${description ? `（${description}）` : ''}`;
  }
  const path = failure.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const description = part?.properties?.[path.split('.')[0] ?? '']?.description;
  if (!path) return `${place}格式不正确，应为 JSON 对象`;
  return `${place} ${path} 无效${description ? `：${description}` : ''}`;
}
