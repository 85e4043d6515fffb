import Foundation

/// The role bodies (公开主体) the national baseline uses instead of named bodies: "乡镇人民政府（街道办事处）",
/// "县级人力资源社会保障部门" … A local catalog replaces them by the names in its workspace's 机构名录.
public enum RoleNames {
    /// The spellings of the township-government role that guides and published catalogs use. `gkml init`
    /// replaces them by the township's own body in a township catalog.
    public static let township: Set<String> = [
        "乡镇人民政府（街道办事处）", "乡镇人民政府(街道办事处)", "乡镇人民政府", "乡镇政府", "乡（镇）人民政府",
        "乡(镇)人民政府", "乡（镇）政府", "乡镇（街道）", "乡镇(街道)", "乡镇人民政府、街道办事处", "街道办事处",
        "乡镇人民政府（街道）", "乡镇（街道）人民政府", "镇人民政府（街道办事处）", "乡镇政府（街道办事处）",
        // 天津市宝坻区社会救助领域目录: https://www.tjbd.gov.cn/zwgk/jczwgk/ly/shjzly/202012/t20201216_5039688.html
        "乡镇政府(街道办事处)",
    ]

    /// True for a spelling of the township-government role.
    public static func isTownshipRole(_ name: String) -> Bool {
        township.contains(name.trimmingCharacters(in: .whitespaces))
    }

    /// True for a county-level role ("县级…部门/机关/机构", "县级人民政府"): a role, not a body's name.
    public static func isCountyRole(_ name: String) -> Bool {
        name.hasPrefix("县级")
    }

    /// The level a role name stands for: 乡级 for the township government's role (乡镇…, 街道…), 县级 for 县级…/县（市、区）…;
    /// nil when the name does not say.
    public static func level(ofRole name: String) -> Level? {
        let name = name.trimmingCharacters(in: .whitespaces)
        if isTownshipRole(name) || ["乡镇", "乡（镇）", "乡(镇)", "街道", "镇人民政府"].contains(where: name.hasPrefix) {
            return .township
        }
        if isCountyRole(name) || ["县（市、区）", "县(市、区)", "县（区）", "县(区)", "县（市）", "县(市)"].contains(where: name.hasPrefix) {
            return .county
        }
        return nil
    }

    /// A body named only by its kind, with no place in the name: 公安机关, 公安分局 (tez.gov.cn, rjxq.ganzhou.gov.cn),
    /// 镇人民政府 (mdx.gov.cn). Published tables print these where a role is meant; they name no body of the directory.
    public static func isGenericBody(_ name: String) -> Bool {
        let places: Set<Unicode.Scalar> = ["省", "市", "县", "区", "镇", "乡", "村", "旗", "州", "盟"]
        guard let first = name.unicodeScalars.first else { return false }
        if places.contains(first) { return true }
        return !name.unicodeScalars.contains(where: places.contains)
            && ["机关", "分局", "局", "人民政府", "政府", "派出所", "所", "中心", "办事处", "委员会"].contains(where: name.hasSuffix)
    }
}
