package cn.duban.account;

import cn.duban.notify.MailService;
import cn.duban.platform.Caller;
import cn.duban.platform.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/**
 * Gets a one-time password to its person: by e-mail through the mail session when one is configured
 * ({@code DUBAN_SMTP_HOST}) and the account has an address, otherwise it is handed back to be shown
 * once to whoever made the account. Duban never stores it.
 */
@Stateless
public class Invitations {

    @EJB MailService mail;

    public AccountService.Credentials deliver(
            String username, String email, String password, boolean reset) {
        Caller.require(Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN);
        if (MailService.configured() && email != null) {
            String body =
                    (reset ? "您的督办系统账号密码已由区府办重置。" : "您的督办系统账号已开通。")
                            + "\n\n登录名："
                            + username
                            + "\n临时密码："
                            + password
                            + "\n\n首次登录时须设置新密码（区府办管理员还须绑定动态口令）。临时密码仅可使用一次，请勿转发本邮件。";
            mail.deliver(email, reset ? "账号密码已重置" : "账号开通通知", body);
            return new AccountService.Credentials("email", null);
        }
        return new AccountService.Credentials("shown", password);
    }
}
