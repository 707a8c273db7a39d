export function Counts({ errors, warnings, infos }: { errors: number; warnings: number; infos: number }) {
  return (
    <span className="counts">
      <span className={errors ? 'n-error' : 'n-zero'} title="错误">
        错误 {errors}
      </span>
      <span className={warnings ? 'n-warning' : 'n-zero'} title="警告">
        警告 {warnings}
      </span>
      <span className={infos ? 'n-info' : 'n-zero'} title="提示">
        提示 {infos}
      </span>
    </span>
  );
}
