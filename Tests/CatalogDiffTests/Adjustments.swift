import Foundation

/// A small township catalog for the adjustment scenarios (柳河镇 就业, the case of issue 12), written as a
/// clerk writes it, with a few knobs for the steps of a history.
enum Adjustments {
    struct Item {
        var id: String
        var name: String
        var content: String
        var mode = "主动"
        var reason: String?
    }

    static let placement = Item(id: "17-06-01", name: "公益性岗位安置人员名单", content: "本镇公益性岗位安置人员姓名、岗位")
    static let fairs = Item(id: "17-02-01", name: "招聘会信息", content: "本镇招聘会时间、地点、参会单位")

    /// 17-06-01 downgraded to 依申请 with its reason.
    static var placementOnRequest: Item {
        var item = placement
        item.mode = "依申请"
        item.reason = "涉及个人信息，仅向本人及利害关系人提供"
        return item
    }

    static func catalog(
        version: String, items: [Item] = [fairs, placement], adjustments: String = "", region: String = "示例县柳河镇",
        domain: String = "就业"
    ) -> String {
        var text = """
            格式: gkml/1
            领域: \(domain)
            地区: \(region)
            层级: 乡级
            发布机构: 柳河镇人民政府
            版本: "\(version)"
            默认:
              公开依据: [《中华人民共和国政府信息公开条例》]
              公开时限: 自信息形成或者变更之日起20个工作日内
              公开主体: [柳河镇人民政府]
              公开渠道: [政府网站, 公开查阅点]
              公开对象: 全社会
              公开方式: 主动
              公开层级: [乡级]
            事项:
              - 一级事项: 就业服务
                二级事项:

            """
        for item in items {
            text += """
                      - 编号: \(item.id)
                        名称: \(item.name)
                        公开内容: \(item.content)

                """
            if item.mode != "主动" { text += "        公开方式: \(item.mode)\n" }
            if let reason = item.reason { text += "        不主动公开理由: \(reason)\n" }
        }
        if !adjustments.isEmpty { text += "调整记录:\n" + adjustments }
        return text
    }
}
