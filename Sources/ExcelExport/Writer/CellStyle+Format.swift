internal import CXlsxWriter

extension CellStyle {
    /// Sets the library format's properties from this style.
    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if bold { format_set_bold(format) }
        if italic { format_set_italic(format) }
        if let fontSize { format_set_font_size(format, fontSize) }
        if let fontColor { format_set_font_color(format, lxw_color_t(fontColor.rgb)) }
        if let fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, lxw_color_t(fill.rgb))
        }
        if let numberFormat { format_set_num_format(format, numberFormat) }
        switch horizontalAlignment {
        case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
        case nil: break
        }
        switch verticalAlignment {
        case .top: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        case .bottom: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue))
        case nil: break
        }
        if wrapsText { format_set_text_wrap(format) }
        if let border {
            let style: lxw_format_borders
            switch border {
            case .thin: style = LXW_BORDER_THIN
            case .medium: style = LXW_BORDER_MEDIUM
            case .thick: style = LXW_BORDER_THICK
            case .dashed: style = LXW_BORDER_DASHED
            }
            format_set_border(format, UInt8(style.rawValue))
        }
        if let borderColor { format_set_border_color(format, lxw_color_t(borderColor.rgb)) }
    }
}
