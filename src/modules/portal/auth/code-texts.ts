import type { PortalLocale } from '../portal-locale.js';

/** What the customer receives: the code (and, by email, a one-click sign-in link), in their language. */
export function codeEmail(locale: PortalLocale, code: string, link: string, minutes: number): { subject: string; text: string } {
  if (locale === 'zh-CN') {
    return {
      subject: `您的登录验证码：${code}`,
      text: `您好！\n\n您的服务大厅登录验证码是：${code}\n${minutes} 分钟内有效，只能使用一次。\n\n也可以直接点击链接登录：\n${link}\n\n如果不是您本人操作，请忽略此邮件。`,
    };
  }
  return {
    subject: `Your sign-in code: ${code}`,
    text: `Hello,\n\nYour service hall sign-in code is: ${code}\nIt is valid for ${minutes} minutes and works once.\n\nOr sign in with one click:\n${link}\n\nIf you did not ask for this, ignore this email.`,
  };
}

export function codeSms(locale: PortalLocale, code: string, minutes: number): string {
  return locale === 'zh-CN'
    ? `【服务大厅】验证码 ${code}，${minutes} 分钟内有效，请勿告诉他人。`
    : `Your service hall code is ${code}. Valid for ${minutes} min. Never share it.`;
}
